package org.rpmsync.adherence;

/** How a due dose went. Every slot has exactly one. */
public enum SlotStatus {
    TAKEN("Taken"),
    LATE("Late"),
    MISSED("Missed"),
    WRONG_COMPARTMENT("Wrong compartment"),
    NOT_YET_DUE("Not yet due"),
    NOT_MONITORED("Not monitored");

    private final String label;

    SlotStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The API name, e.g. {@code wrong_compartment}. */
    public String code() {
        return name().toLowerCase();
    }

    public boolean due() {
        return this != NOT_YET_DUE && this != NOT_MONITORED;
    }
}
