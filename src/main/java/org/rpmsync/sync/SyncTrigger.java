package org.rpmsync.sync;

import org.rpmsync.measurements.Origin;

/** Why a job runs: a person asked (Refresh User Data), a device was first mapped, or the periodic reconciliation. */
enum SyncTrigger {
    REFRESH, BACKFILL, RECONCILIATION;

    Origin origin() {
        return Origin.valueOf(name());
    }

    String wire() {
        return name().toLowerCase();
    }
}
