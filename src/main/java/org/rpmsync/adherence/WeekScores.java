package org.rpmsync.adherence;

import java.util.List;

/**
 * The lowest {@code lowest} week scores of an organization, how many PillBox clients it has in all, and how many
 * scores were still out of date (being recalculated in the background) when read.
 */
public record WeekScores(List<WeekScore> lowest, long clients, long updating) {
}
