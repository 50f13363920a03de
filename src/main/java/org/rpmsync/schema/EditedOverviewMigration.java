package org.rpmsync.schema;

import java.util.List;
import java.util.Map;

/**
 * V13__overview_summaries was edited twice after databases had applied it (on 2026-11-26, commits 806ef7e and
 * 7c175b3), which changes Flyway's checksum. What the two older versions made differs from today's V13 only in
 * the {@code adherence_week_scores} table: an {@code on_time} column nothing reads, and (in the first version only)
 * an index on {@code (organization_id, percent_taken)} instead of {@code (organization_id)}.
 */
final class EditedOverviewMigration {

    static final String VERSION = "13";

    private static final String DROP_ON_TIME = "alter table adherence_week_scores drop column if exists on_time";

    /**
     * Flyway's checksums of V13 as first committed (c0e1185) and after its first edit (806ef7e), each with the
     * statements that bring what it made to today's V13 (on PostgreSQL and H2 alike).
     */
    private static final Map<Integer, List<String>> OLDER_EDITS = Map.of(
            -973424592, List.of(DROP_ON_TIME, "drop index ix_adherence_week_scores_org",
                    "create index ix_adherence_week_scores_org on adherence_week_scores (organization_id)"),
            -825973992, List.of(DROP_ON_TIME));

    private EditedOverviewMigration() {
    }

    static boolean isOlderEdit(int checksum) {
        return OLDER_EDITS.containsKey(checksum);
    }

    static List<String> realign(int checksum) {
        return OLDER_EDITS.get(checksum);
    }
}
