package org.rpmsync.schema;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a {@link SchemaHistoryMismatch} in plain words at start-up, instead of a stack trace: what differs and
 * what to do. For the demo's embedded H2 database (a file under {@code ./data} by default) the way out is to move
 * the old data aside, with the exact command; for any other database, to run the version that made it or restore
 * it, never to edit the history by hand.
 */
class SchemaHistoryFailure extends AbstractFailureAnalyzer<SchemaHistoryMismatch> {

    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:file:([^;]+)");
    private final Environment environment;

    SchemaHistoryFailure(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaHistoryMismatch cause) {
        String description = "The database was made by another version of RPM Sync: migrations it applied differ "
                + "from the ones this version ships, so it was left untouched.\n  "
                + String.join("\n  ", cause.differences());
        return new FailureAnalysis(description, action(), cause);
    }

    private String action() {
        Optional<String> folder = embeddedFolder();
        if (folder.isPresent()) {
            String aside = folder.get() + "-before-" + LocalDate.now();
            return "This is the demo's embedded H2 database in " + folder.get() + ". Stop the app, move the old data "
                    + "aside and start again; the Demo Clinic is seeded anew and its sign-ins printed:\n\n"
                    + "    mv " + folder.get() + " " + aside + "\n\n"
                    + "(The old folder keeps its data and encryption key, should you need them.)";
        }
        return "Start the version of RPM Sync that made this database, or restore a backup made by this version. "
                + "Do not run 'flyway repair' or edit flyway_schema_history unless you have checked that the schema "
                + "matches: applied migrations are never edited (see the README, Database migrations).";
    }

    /** The folder of an embedded H2 file database ("./data" for "jdbc:h2:file:./data/rpmsync"). */
    private Optional<String> embeddedFolder() {
        Matcher file = H2_FILE.matcher(environment.getProperty("spring.datasource.url", ""));
        if (!file.find()) {
            return Optional.empty();
        }
        String path = file.group(1);
        int slash = path.lastIndexOf('/');
        return Optional.of(slash <= 0 ? "." : path.substring(0, slash));
    }
}
