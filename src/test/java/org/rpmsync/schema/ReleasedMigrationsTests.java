package org.rpmsync.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applied migrations are never edited: the released ones (V1..V22) keep the Flyway checksums they were released
 * with, and every newer migration is named {@code V{n}__{module}_{what}.sql} after the one module whose tables it
 * touches (or touched: a module split since keeps its migrations' names, {@link #SPLIT}).
 */
class ReleasedMigrationsTests {

    /** Flyway's checksums of the released migrations, as they stood on main on 2026-12-01. */
    static final Map<Integer, Integer> RELEASED = Map.ofEntries(
            Map.entry(1, 701353385), Map.entry(2, 637539960), Map.entry(3, 1174400839), Map.entry(5, 782410866),
            Map.entry(6, 1648170129), Map.entry(7, -1279334817), Map.entry(8, 142744334), Map.entry(10, 132802136),
            Map.entry(11, -608895624), Map.entry(12, 934540490), Map.entry(13, -1884679775),
            Map.entry(15, 301093869), Map.entry(16, -567754660), Map.entry(19, 1597086212),
            Map.entry(20, -698771184), Map.entry(21, 1943992506), Map.entry(22, -2105776316));
    static final int LAST_RELEASED = 22;
    static final Pattern NAME = Pattern.compile("V(\\d+)__([a-z]+)_[a-z0-9_]+\\.sql");
    /** Modules since split, with their last migration (care became alerts and billing after V31). */
    static final Map<String, Integer> SPLIT = Map.of("care", 31);

    @Test
    void releasedMigrationsKeepTheChecksumsTheyWereReleasedWith() {
        Map<Integer, MigrationInfo> shipped = shipped();
        List<String> edited = new ArrayList<>();
        RELEASED.forEach((version, checksum) -> {
            MigrationInfo migration = shipped.get(version);
            if (migration == null) {
                edited.add("V" + version + " was released and is gone: put it back as it was released");
            } else if (!checksum.equals(migration.getChecksum())) {
                edited.add(migration.getScript() + " has Flyway checksum " + migration.getChecksum() + ", released as "
                        + checksum + ": databases that applied it will refuse to start. Revert the edit and put the "
                        + "change in a new migration V{n}__{module}_{what}.sql");
            }
        });
        shipped.keySet().stream().filter(v -> v <= LAST_RELEASED && !RELEASED.containsKey(v))
                .forEach(v -> edited.add("V" + v + " is new but numbered among the released migrations: "
                        + "databases past V" + LAST_RELEASED + " would never apply it; give it the next free number"));
        assertThat(edited).as("applied migrations are never edited (README, Database migrations)").isEmpty();
    }

    @Test
    void newerMigrationsAreNamedAfterTheOneModuleTheyBelongTo() throws IOException {
        List<String> modules;
        try (Stream<Path> packages = Files.list(Path.of("src/main/java/org/rpmsync"))) {
            modules = packages.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        }
        List<String> misnamed = new ArrayList<>();
        for (MigrationInfo migration : shipped().values()) {
            Matcher name = NAME.matcher(migration.getScript());
            int version = Integer.parseInt(migration.getVersion().getVersion());
            boolean named = name.matches() && (modules.contains(name.group(2))
                    || version <= SPLIT.getOrDefault(name.group(2), 0));
            if (version > LAST_RELEASED && !named) {
                misnamed.add(migration.getScript());
            }
        }
        assertThat(misnamed).as("migrations after V%d are named V{n}__{module}_{what}.sql, module one of %s",
                LAST_RELEASED, modules).isEmpty();
        assertThat(modules).contains("organization", "clients", "schema");
    }

    /** The migrations this build ships, with Flyway's own checksums (read from a fresh database, nothing applied). */
    static Map<Integer, MigrationInfo> shipped() {
        Flyway flyway = Flyway.configure().locations("classpath:db/migration")
                .dataSource("jdbc:h2:mem:released-" + UUID.randomUUID(), "sa", "").load();
        Map<Integer, MigrationInfo> shipped = new TreeMap<>();
        for (MigrationInfo migration : flyway.info().all()) {
            shipped.put(Integer.parseInt(migration.getVersion().getVersion()), migration);
        }
        return shipped;
    }
}
