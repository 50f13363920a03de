package org.rpmsync.ingest;

/** What became of one delivery: items read, readings newly stored, copies already stored, items kept as rejected. */
public record DeliveryOutcome(int items, int stored, int duplicates, int rejected) {
}
