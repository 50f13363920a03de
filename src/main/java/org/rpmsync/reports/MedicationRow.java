package org.rpmsync.reports;

import java.time.ZoneId;
import java.util.List;
import org.rpmsync.measurements.Reading;

/** One PillBox event as the report and its CSV show it, in the client's local time with the offset. */
record MedicationRow(String event, String compartment, String openedAt, String receivedAt, boolean late,
                     boolean estimated) {

    static final List<String> HEADER = List.of("Event", "Compartment", "Opened at (local)", "Received at (local)",
            "Synced late", "Estimated time");

    static MedicationRow of(Reading r, ZoneId zone) {
        return new MedicationRow(r.type().label(), r.label() == null ? "" : r.label(),
                TimeLabels.withOffset(r.localTime(zone)), TimeLabels.withOffset(r.receivedAt(), zone), r.late(),
                r.estimatedTimestamp());
    }

    List<String> cells() {
        return List.of(event, compartment, openedAt, receivedAt, late ? "yes" : "no", estimated ? "yes" : "no");
    }
}
