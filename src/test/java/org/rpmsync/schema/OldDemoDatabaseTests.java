package org.rpmsync.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rpmsync.RpmSyncApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A demo {@code ./data} H2 database made before V13__overview_summaries was edited (issue 15 §4): one of the two
 * older V13s is realigned and the demo starts; any other difference stops the start with a plain message and the
 * command that moves the old data aside, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class OldDemoDatabaseTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"v13-first, -973424592", "v13-second, -825973992"})
    void aDatabaseThatAppliedAnOlderV13IsRealignedAndMigrated(String older, int checksum) throws IOException {
        String url = databaseMadeWith(older);
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        assertThat(v13Checksum(jdbc)).isEqualTo(checksum);
        assertThat(columns(jdbc)).contains("on_time");

        new SchemaHistory().migrate(current(url));

        assertThat(v13Checksum(jdbc)).isEqualTo(ReleasedMigrationsTests.RELEASED.get(13));
        assertThat(columns(jdbc)).doesNotContain("on_time").contains("percent_on_time");
        assertThat(jdbc.sql("select column_name from information_schema.index_columns where index_name = "
                + "'ix_adherence_week_scores_org' order by ordinal_position").query(String.class).list())
                .containsExactly("organization_id");
        assertThat(current(url).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void anyOtherDifferenceStopsTheDemoWithAPlainMessageAndTheCommandThatMovesTheDataAside(CapturedOutput output)
            throws IOException {
        String url = databaseMadeWith("v13-first");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        jdbc.sql("update flyway_schema_history set checksum = 12345 where version = '16'").update();

        assertThatThrownBy(() -> new SpringApplicationBuilder(RpmSyncApplication.class).profiles("test")
                .run("--spring.datasource.url=" + url, "--server.port=0"))
                .hasRootCauseInstanceOf(SchemaHistoryMismatch.class);

        String folder = dir.resolve("data").toString();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "The database was made by another version of RPM Sync",
                "V16 tenovi request slots: applied as another file (checksum 12345; this version's is -567754660)",
                "This is the demo's embedded H2 database in " + folder,
                "mv " + folder + " " + folder + "-before-")
                .doesNotContain("at org.flywaydb", "Application run failed", "run repair");
        assertThat(v13Checksum(jdbc)).as("nothing repaired while another difference stands").isEqualTo(-973424592);
    }

    @Test
    void aFreshDemoDatabaseMigratesAsBefore() {
        String url = "jdbc:h2:file:" + dir.resolve("fresh/rpmsync") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        new SchemaHistory().migrate(current(url));
        assertThat(current(url).info().pending()).isEmpty();
        assertThat(current(url).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void aFreshDemoDatabaseKeepsAcceptingWritesAfterTheConnectionThatMigratedItIsClosed() {
        String url = "jdbc:h2:file:" + dir.resolve("closed/rpmsync") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        SingleConnectionDataSource pool = new SingleConnectionDataSource(url, "sa", "", true);
        JdbcClient jdbc = JdbcClient.create(pool);
        jdbc.sql("select 1").query(Integer.class).single();
        new SchemaHistory().migrate(current(url));
        // Flyway's own connection, which created every check constraint, is closed now; the app's pool goes on.
        assertThat(jdbc.sql("insert into staff_users (id, email, name, password_hash, role, created_at) "
                + "values (random_uuid(), 'admin@example.test', 'Admin', 'x', 'PLATFORM_ADMIN', current_timestamp)")
                .update()).isEqualTo(1);
        pool.destroy();
    }

    /** An H2 file database under {@code dir/data} migrated with today's migrations but an older V13. */
    private String databaseMadeWith(String older) throws IOException {
        Path then = Files.createDirectories(dir.resolve("migrations-" + older));
        for (var migration : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/*.sql")) {
            Files.write(then.resolve(migration.getFilename()), migration.getContentAsByteArray());
        }
        Files.write(then.resolve("V13__overview_summaries.sql"),
                new ClassPathResource("schema/" + older + "/V13__overview_summaries.sql").getContentAsByteArray());
        String url = "jdbc:h2:file:" + dir.resolve("data/rpmsync")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + then).load().migrate();
        return url;
    }

    private static Flyway current(String url) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
    }

    private static int v13Checksum(JdbcClient jdbc) {
        return jdbc.sql("select checksum from flyway_schema_history where version = '13'").query(Integer.class).single();
    }

    private static java.util.List<String> columns(JdbcClient jdbc) {
        return jdbc.sql("select column_name from information_schema.columns where table_name = 'adherence_week_scores'")
                .query(String.class).list();
    }
}
