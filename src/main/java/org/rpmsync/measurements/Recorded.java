package org.rpmsync.measurements;

import java.util.List;
import java.util.UUID;

/** The outcome of recording a batch: how many readings were new (the rest were already stored). */
public record Recorded(int received, List<UUID> newIds) {

    public int stored() {
        return newIds.size();
    }

    public int duplicates() {
        return received - newIds.size();
    }
}
