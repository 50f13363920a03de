package org.rpmsync.adherence;

import java.util.UUID;

/**
 * A client's adherence over the last seven local days, as last calculated: doses due, taken (on time or late) and
 * the percentages (null when nothing was due). {@code calculated} is false until the first calculation.
 */
public record WeekScore(UUID clientId, boolean calculated, int due, int taken, Integer percentTaken,
                        Integer percentOnTime) {
}
