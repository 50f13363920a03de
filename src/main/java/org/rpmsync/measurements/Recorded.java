package org.rpmsync.measurements;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/** The outcome of recording a batch: which readings were new (the rest were already stored). */
public record Recorded(int received, List<UUID> newIds, BitSet storedPositions) {

    public Recorded(int received, List<UUID> newIds) {
        this(received, newIds, new BitSet());
    }

    public int stored() {
        return newIds.size();
    }

    public int duplicates() {
        return received - newIds.size();
    }

    /** Whether the reading at this position of the batch was new. */
    public boolean storedAt(int position) {
        return storedPositions.get(position);
    }
}
