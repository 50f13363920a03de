package org.rpmsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 §3: each table belongs to one module, and a module's SQL names only its own tables, and views of the
 * modules it may use. {@code ApplicationModules.verify()} cannot see SQL, so this reads it: the string literals of
 * {@code src/main/java/org/rpmsync/<module>} and the migrations. A table or view belongs to the module in the name of
 * the migration that creates it ({@code V{n}__{module}_...}), except where {@link #MOVED} says otherwise. Foreign
 * keys ({@code references}) may point at the tables of the modules the migration's module may use.
 */
class TableOwnershipTests {

    private static final Path JAVA = Path.of("src/main/java/org/rpmsync");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__([a-z]+)_.*\\.sql");
    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(from|join|into|update|table|exists|on|references)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"([\\s\\S]*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern SQL = Pattern.compile("(?i)\\b(select|insert|update|delete|merge|create)\\b");
    private static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");

    /**
     * Tables created by a migration of a module that has since been split: where they belong now. (Released
     * migrations are never edited, so their names keep the old module.)
     */
    private static final Map<String, String> MOVED = Map.ofEntries(
            Map.entry("tenovi_connections", "integrations"),
            Map.entry("tenovi_refused_deliveries", "integrations"),
            Map.entry("tenovi_sync_jobs", "sync"),
            Map.entry("tenovi_sync_state", "sync"),
            Map.entry("tenovi_sync_cursors", "sync"),
            Map.entry("client_activity", "measurements"),
            Map.entry("adherence_week_scores", "adherence"),
            Map.entry("care_alert_rules", "alerts"),
            Map.entry("care_alerts", "alerts"),
            Map.entry("care_alert_readings", "alerts"),
            Map.entry("care_alert_conditions", "alerts"),
            Map.entry("care_device_seen", "alerts"),
            Map.entry("care_time_entries", "billing"),
            Map.entry("care_rpm_months", "billing"),
            Map.entry("care_rpm_counts", "billing"),
            Map.entry("tenovi_request_slots", "cluster"));

    /**
     * Modules that have since been split whole, and the modules they became: their migrations (never renamed) speak
     * for these, so they may name the tables of each and what each may use.
     */
    private static final Map<String, Set<String>> SPLIT = Map.of("care", Set.of("alerts", "billing"));

    /** Released migrations that name tables of other modules; they are never edited, so they stay as they are. */
    private static final Map<String, Set<String>> RELEASED_EXCEPTIONS = Map.of(
            "V11__reports_indexes.sql", Set.of("measurements"),
            "V13__overview_summaries.sql", Set.of("client_activity", "adherence_week_scores", "measurements", "clients",
                    "organizations"),
            "V15__tenovi_refused_deliveries.sql", Set.of("refused_deliveries", "tenovi_refused_deliveries"),
            "V5__tenovi_connections.sql", Set.of("tenovi_connections"),
            "V12__tenovi_sync_jobs.sql", Set.of("tenovi_sync_jobs", "tenovi_sync_state", "tenovi_sync_cursors"),
            "V16__tenovi_request_slots.sql", Set.of("tenovi_request_slots"));

    /**
     * The module that keeps the migrations themselves: it brings a database made by an edited released migration in
     * line with today's (schema.EditedOverviewMigration), so it speaks the migrations' SQL, not a module's.
     */
    private static final String MIGRATIONS_KEEPER = "schema";

    @Test
    void everyModulesSqlNamesOnlyItsOwnTablesAndViewsOfModulesItMayUse() throws IOException {
        Map<String, String> owners = owners();
        Set<String> views = views();
        Map<String, Set<String>> allowed = allowedDependencies();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = JAVA.relativize(file).getName(0).toString();
                if (module.equals(MIGRATIONS_KEEPER)) {
                    continue;
                }
                for (String sql : sqlLiterals(Files.readString(file))) {
                    for (String table : named(sql, owners.keySet(), false)) {
                        String owner = owners.get(table);
                        boolean viewOfAllowed = views.contains(table)
                                && allowed.getOrDefault(module, Set.of()).contains(owner);
                        if (!owner.equals(module) && !viewOfAllowed) {
                            violations.add(JAVA.relativize(file) + " names " + table + " (" + owner + ")");
                        }
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's table: read it through that module's Java API "
                + "or a view it owns").isEmpty();
    }

    @Test
    void everyMigrationChangesOneModulesTables() throws IOException {
        Map<String, String> owners = owners();
        Map<String, Set<String>> allowed = allowedDependencies();
        List<String> violations = new ArrayList<>();
        for (Path file : migrations()) {
            String name = file.getFileName().toString();
            Matcher m = MIGRATION.matcher(name);
            assertThat(m.matches()).as(name + " is named V{n}__{module}_{change}.sql").isTrue();
            Set<String> modules = SPLIT.getOrDefault(m.group(2), Set.of(m.group(2)));
            String sql = withoutComments(Files.readString(file));
            Set<String> referenced = named(sql, owners.keySet(), true);
            for (String table : named(sql, owners.keySet(), false)) {
                String owner = owners.get(table);
                boolean foreignKey = referenced.contains(table) && !otherThanReferences(sql, table)
                        && modules.stream().anyMatch(each -> allowed.getOrDefault(each, Set.of()).contains(owner));
                boolean released = RELEASED_EXCEPTIONS.getOrDefault(name, Set.of()).contains(table);
                if (!modules.contains(owner) && !foreignKey && !released) {
                    violations.add(name + " names " + table + " (" + owner + ")");
                }
            }
        }
        assertThat(violations).as("a migration belongs to one module and changes only its tables").isEmpty();
    }

    @Test
    void everyTableHasOneOwner() throws IOException {
        Map<String, List<String>> creators = new TreeMap<>();
        for (Path file : migrations()) {
            Matcher created = CREATED.matcher(withoutComments(Files.readString(file)));
            while (created.find()) {
                creators.computeIfAbsent(created.group(2).toLowerCase(), t -> new ArrayList<>())
                        .add(file.getFileName().toString());
            }
        }
        assertThat(creators).containsKeys("clients", "measurements", "inbox_messages", "client_names");
        creators.forEach((table, files) -> assertThat(files).as(table + " is created once").hasSize(1));
        assertThat(owners()).containsEntry("client_names", "clients").containsEntry("tenovi_request_slots", "cluster")
                .containsEntry("tenovi_sync_jobs", "sync").containsEntry("care_alerts", "alerts")
                .containsEntry("care_time_entries", "billing");
    }

    /** Table or view → module: the module of the migration that creates it, or {@link #MOVED}. */
    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        for (Path file : migrations()) {
            Matcher m = MIGRATION.matcher(file.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            Matcher created = CREATED.matcher(withoutComments(Files.readString(file)));
            while (created.find()) {
                String table = created.group(2).toLowerCase();
                owners.put(table, MOVED.getOrDefault(table, m.group(2)));
            }
        }
        return owners;
    }

    private static Set<String> views() throws IOException {
        Set<String> views = new TreeSet<>();
        for (Path file : migrations()) {
            Matcher created = CREATED.matcher(withoutComments(Files.readString(file)));
            while (created.find()) {
                if (created.group(1).equalsIgnoreCase("view")) {
                    views.add(created.group(2).toLowerCase());
                }
            }
        }
        return views;
    }

    /** Module → the modules its package-info allows it to use. */
    private static Map<String, Set<String>> allowedDependencies() throws IOException {
        Map<String, Set<String>> allowed = new TreeMap<>();
        try (Stream<Path> infos = Files.walk(JAVA, 2)) {
            for (Path info : infos.filter(f -> f.getFileName().toString().equals("package-info.java")).toList()) {
                Matcher m = ALLOWED.matcher(Files.readString(info));
                Set<String> modules = new TreeSet<>();
                if (m.find()) {
                    for (String part : m.group(1).split(",")) {
                        String module = part.strip().replace("\"", "");
                        if (!module.isEmpty()) {
                            modules.add(module);
                        }
                    }
                }
                allowed.put(info.getParent().getFileName().toString(), modules);
            }
        }
        return allowed;
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The known tables {@code sql} names (only after {@code references} when {@code referencesOnly}). */
    private static Set<String> named(String sql, Set<String> tables, boolean referencesOnly) {
        Set<String> named = new TreeSet<>();
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            String table = m.group(2).toLowerCase();
            if (tables.contains(table) && (!referencesOnly || m.group(1).equalsIgnoreCase("references"))) {
                named.add(table);
            }
        }
        return named;
    }

    /** Whether {@code sql} names {@code table} other than as a foreign key's target. */
    private static boolean otherThanReferences(String sql, String table) {
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            if (m.group(2).equalsIgnoreCase(table) && !m.group(1).equalsIgnoreCase("references")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sqlLiterals(String java) {
        String code = java.replaceAll("'(?:\\\\.|[^'\\\\])'", "' '");
        List<String> literals = new ArrayList<>();
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
            String text = m.group(1) != null ? m.group(1) : m.group(2);
            if (SQL.matcher(text).find()) {
                literals.add(text);
            }
        }
        return literals;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "").replaceAll("/\\*[\\s\\S]*?\\*/", "");
    }
}
