package org.rpmsync.alerts;

/** How urgent an alert is; a critical reading joining a warning alert makes it critical. */
public enum Severity {
    WARNING, CRITICAL;

    public String code() {
        return name().toLowerCase();
    }
}
