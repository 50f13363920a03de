package org.rpmsync.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Migrates the database at start-up, after checking that the migrations it already applied are the ones this
 * version ships. Applied migrations are never edited; V13 was (twice, see {@link EditedOverviewMigration}): a
 * database that recorded one of those two older V13s, and differs from this version's history in nothing else, is
 * brought to today's V13 schema and its record repaired. Any other mismatch stops the start with
 * {@link SchemaHistoryMismatch}, which {@link SchemaHistoryFailure} explains in plain words.
 */
@Component
class SchemaHistory implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaHistory.class);
    private static final Pattern CHECKSUMS = Pattern.compile("Applied to database\\s*:\\s*(-?\\d+).*?Resolved locally"
            + "\\s*:\\s*(-?\\d+)", Pattern.DOTALL);

    @Override
    public void migrate(Flyway flyway) {
        List<ValidateOutput> mismatches = mismatches(flyway);
        if (!mismatches.isEmpty() && onlyTheKnownV13Edit(flyway, mismatches)) {
            realignV13(flyway);
            mismatches = mismatches(flyway);
        }
        if (!mismatches.isEmpty()) {
            throw new SchemaHistoryMismatch(mismatches.stream().map(SchemaHistory::plainly).toList());
        }
        flyway.migrate();
    }

    /** "V16 tenovi request slots: applied as another file (checksum 12345; this version's is -567754660)". */
    private static String plainly(ValidateOutput mismatch) {
        String what = "V" + mismatch.version + " " + mismatch.description + ": ";
        Matcher sums = CHECKSUMS.matcher(mismatch.errorDetails.errorMessage);
        if (mismatch.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH && sums.find()) {
            return what + "applied as another file (checksum " + sums.group(1) + "; this version's is "
                    + sums.group(2) + ")";
        }
        return what + mismatch.errorDetails.errorMessage.lines().findFirst().orElse("differs");
    }

    /** What differs from this version's migrations, not counting migrations still to apply. */
    private static List<ValidateOutput> mismatches(Flyway flyway) {
        Flyway checker = Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration()).ignoreMigrationPatterns("*:pending", "*:future").load();
        return checker.validateWithResult().invalidMigrations;
    }

    private static boolean onlyTheKnownV13Edit(Flyway flyway, List<ValidateOutput> mismatches) {
        if (mismatches.size() != 1 || !EditedOverviewMigration.VERSION.equals(mismatches.get(0).version)
                || mismatches.get(0).errorDetails.errorCode != CoreErrorCode.CHECKSUM_MISMATCH) {
            return false;
        }
        return appliedChecksum(flyway) != null && EditedOverviewMigration.isOlderEdit(appliedChecksum(flyway));
    }

    private static Integer appliedChecksum(Flyway flyway) {
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getVersion() != null && EditedOverviewMigration.VERSION.equals(applied.getVersion().getVersion())) {
                return applied.getChecksum();
            }
        }
        return null;
    }

    private static void realignV13(Flyway flyway) {
        int old = appliedChecksum(flyway);
        JdbcTemplate jdbc = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        for (String statement : EditedOverviewMigration.realign(old)) {
            jdbc.execute(statement);
        }
        flyway.repair();
        log.warn("This database had an older V13__overview_summaries (checksum {}), made before that migration was "
                + "edited: its adherence_week_scores table was brought to today's V13 (no on_time column, index on "
                + "the organization only) and its schema history repaired. No data was changed.", old);
    }
}
