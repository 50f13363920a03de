package org.rpmsync.clients;

import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validation rules, checked over many generated inputs (seeded, so a failure is reproducible). */
class ClientRulesTests {

    private static final String DEFAULT_ZONE = "America/New_York";
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    @Test
    void acceptsAnyNamesUpToAHundredCharactersAndStripsThem() {
        Random random = new Random(20251106);
        for (int i = 0; i < 1000; i++) {
            String first = word(random, 1 + random.nextInt(100));
            String last = word(random, 1 + random.nextInt(100));
            var checked = ClientRules.check(new ClientDetails("  " + first + " ", last, null, null, null), DEFAULT_ZONE);
            assertThat(checked.problems()).isEmpty();
            assertThat(checked.details().firstName()).isEqualTo(first);
            assertThat(checked.details().timeZone()).isEqualTo(DEFAULT_ZONE);
        }
    }

    @Test
    void rejectsNamesOverAHundredCharactersOrBlank() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            String tooLong = word(random, 101 + random.nextInt(200));
            String blank = " ".repeat(random.nextInt(4));
            var checked = ClientRules.check(new ClientDetails(tooLong, blank, null, null, null), DEFAULT_ZONE);
            assertThat(checked.problems()).extracting(ClientRejected.FieldProblem::field)
                    .containsExactly("firstName", "lastName");
        }
    }

    @Test
    void acceptsEveryIanaZoneAndNothingElse() {
        for (String zone : ZONES) {
            assertThat(ClientRules.check(new ClientDetails("A", "B", null, null, zone), DEFAULT_ZONE).valid())
                    .as(zone).isTrue();
        }
        for (String zone : List.of("+02:00", "GMT+2", "Mars/Olympus", "america/new_york", "EST5EDT ", "Z")) {
            boolean valid = ClientRules.check(new ClientDetails("A", "B", null, null, zone), DEFAULT_ZONE).valid();
            assertThat(valid).as(zone).isEqualTo(ZONES.contains(zone.strip()));
        }
    }

    @Test
    void emailsNeedOneAtAndADottedDomain() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            String local = word(random, 1 + random.nextInt(20));
            String domain = word(random, 1 + random.nextInt(20)) + "." + word(random, 2 + random.nextInt(5));
            assertThat(valid(local + "@" + domain)).isTrue();
            assertThat(valid(local + domain)).isFalse();
            assertThat(valid(local + "@" + domain.replace(".", ""))).isFalse();
            assertThat(valid(local + "@@" + domain)).isFalse();
        }
        assertThat(valid("a@b.c" + "d".repeat(320))).isFalse();
    }

    @Test
    void blankOptionalFieldsBecomeNullAndLongExternalIdsAreRejected() {
        var checked = ClientRules.check(new ClientDetails("A", "B", "  ", "", "  "), DEFAULT_ZONE);
        assertThat(checked.details()).isEqualTo(new ClientDetails("A", "B", null, null, DEFAULT_ZONE));
        assertThat(ClientRules.check(new ClientDetails("A", "B", null, "x".repeat(128), null), DEFAULT_ZONE).valid())
                .isTrue();
        assertThat(ClientRules.check(new ClientDetails("A", "B", null, "x".repeat(129), null), DEFAULT_ZONE)
                .problems()).extracting(ClientRejected.FieldProblem::field).containsExactly("externalId");
    }

    private static boolean valid(String email) {
        return ClientRules.check(new ClientDetails("A", "B", email, null, null), DEFAULT_ZONE).valid();
    }

    private static String word(Random random, int length) {
        String letters = "abcdefghijklmnopqrstuvwxyzÀÉÎõüßçñ0123456789-'";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }
}
