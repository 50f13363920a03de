package org.rpmsync.measurements;

import java.util.UUID;

/** How many of a client's readings reached us late (a PillBox or gateway out of range) in some period. */
public record LateData(UUID clientId, long readings) {
}
