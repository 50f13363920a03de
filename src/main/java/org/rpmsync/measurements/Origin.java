package org.rpmsync.measurements;

/** How a reading reached us. */
public enum Origin {
    WEBHOOK, REFRESH, BACKFILL, RECONCILIATION
}
