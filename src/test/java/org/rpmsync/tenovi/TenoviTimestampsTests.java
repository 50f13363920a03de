package org.rpmsync.tenovi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenovi's timestamps read in one pass accept and refuse exactly what the formatters did before
 * ({@link #before}: {@code Instant.parse} with a zone, {@code LocalDateTime.parse} as UTC without), with the same
 * instant, inside the range webhook items are kept in (1900–2200).
 */
class TenoviTimestampsTests {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private final TenoviPayloads payloads = new TenoviPayloads();

    /** How TenoviPayloads read a timestamp text before. */
    private static Instant before(String value) {
        if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return Instant.parse(value.replace(' ', 'T'));
        }
        return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    /** The instant kept for the text (in range), or null when the item would be refused. */
    private static Instant kept(java.util.function.Function<String, Instant> parser, String text) {
        try {
            Instant parsed = parser.apply(text);
            return parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST) ? null : parsed;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    @Test
    void readsTenovisShapesToTheSameInstants() {
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00.000000Z")).isEqualTo("2024-10-16T04:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00.123456789Z"))
                .isEqualTo("2024-10-16T04:10:00.123456789Z");
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00.5Z")).isEqualTo("2024-10-16T04:10:00.500Z");
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00.Z")).isEqualTo("2024-10-16T04:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-10-16 04:10:00Z")).isEqualTo("2024-10-16T04:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00")).as("no zone: UTC").isEqualTo("2024-10-16T04:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-10-16 04:10")).isEqualTo("2024-10-16T04:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00.25+05:30")).isEqualTo("2024-10-15T22:40:00.250Z");
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00-04:00")).isEqualTo("2024-10-16T08:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-10-16T04:10:00-00:00")).isEqualTo("2024-10-16T04:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-02-29T23:59:59.999999999Z"))
                .isEqualTo("2024-02-29T23:59:59.999999999Z");
        assertThat(TenoviTimestamps.parse("2024-10-16t04:10:00Z")).isEqualTo("2024-10-16T04:10:00Z");
        assertThat(TenoviTimestamps.parse("2024-12-31T24:00:00Z")).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(TenoviTimestamps.parse("2016-12-31T23:59:60Z")).isEqualTo("2016-12-31T23:59:59Z");
    }

    @Test
    void refusesWhatWasRefused() {
        for (String text : List.of("2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z",
                "2024-00-10T10:00:00", "2024-04-31T10:00:00", "2024-10-16T24:00:00", "2024-10-16T10:60:00Z",
                "2024-10-16T10:00:60Z", "2024-10-16T10:00Z", "2024-10-16T10:00:00z", "2024-10-16T10:00:00.1234567890Z",
                "2024-10-16T10:00:00+0100", "2024-10-16T10:00:00+01", "2024-10-16T10:00:00+18:01",
                "2024-10-16T10:00:00+01:00:30", "2024-10-16  10:00:00", "2024-10-16T10:00:00 Z", "2024-1-16T10:00:00",
                "2024-10-16T1:00:00", "2024-10-16T10:00:00,5", "+2024-10-16T10:00:00Z", "2024-10-16", "1700000000",
                "２０２４-10-16T10:00:00Z", "2024-10-16T10:00:00ZZ")) {
            assertThat(kept(TenoviTimestamps::parse, text)).as(text).isNull();
            assertThat(kept(TenoviTimestampsTests::before, text)).as(text).isNull();
        }
    }

    @Test
    void keepsOnlyTimesBetween1900And2200() {
        assertThat(kept(TenoviTimestamps::parse, "1900-01-01T00:00:00Z")).isEqualTo(EARLIEST);
        assertThat(kept(TenoviTimestamps::parse, "1899-12-31T23:59:59.999999999Z")).isNull();
        assertThat(kept(TenoviTimestamps::parse, "1899-12-31T23:30:00-01:00")).isEqualTo("1900-01-01T00:30:00Z");
        assertThat(kept(TenoviTimestamps::parse, "2200-01-01T00:00:00Z")).isEqualTo(LATEST);
        assertThat(kept(TenoviTimestamps::parse, "2200-01-01T00:00:00.000000001Z")).isNull();
        assertThat(kept(TenoviTimestamps::parse, "0000-01-01T00:00:00Z")).isNull();
        assertThat(kept(TenoviTimestamps::parse, "9999-12-31T23:59:59Z")).isNull();
        assertThat(kept(TenoviTimestamps::parse, "+02024-10-16T10:00:00Z")).isEqualTo("2024-10-16T10:00:00Z");
        assertThat(kept(TenoviTimestamps::parse, "+12024-10-16T10:00:00Z")).isNull();
        TenoviDelivery delivery = payloads.read("""
                [{"metric": "pulse", "hwi_device_id": "d1", "value_1": "70", "timestamp": "2200-01-01T00:00:01Z"},
                 {"metric": "pulse", "hwi_device_id": "d1", "value_1": "70", "timestamp": "2199-12-31 23:59:59.5"}]""");
        assertThat(delivery.measurements()).extracting(TenoviMeasurement::timestamp)
                .containsExactly(Instant.parse("2199-12-31T23:59:59.500Z"));
        assertThat(delivery.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("timestamp is not an ISO-8601 time between 1900 and 2200: 2200-01-01T00:00:01Z"));
    }

    /**
     * Texts built from parts near every edge (each first part half of the time, so that many are timestamps), a
     * quarter of them then mutated by a character; seeded, so reproducible.
     */
    @Test
    void agreesWithTheFormattersOnGeneratedTexts() {
        List<List<String>> parts = List.of(
                List.of("2024", "1900", "1899", "2199", "2200", "0000", "9999", "+02024", "+2024", "-2024", "12024",
                        "202", "+0002024", "1970"),
                List.of("-"), List.of("01", "02", "04", "12", "00", "13", "1", "002"), List.of("-"),
                List.of("01", "09", "28", "29", "30", "31", "00", "32", "1"),
                List.of("T", "t", " ", "  ", "", "x", "TT"), List.of("00", "09", "23", "24", "25", "1"), List.of(":"),
                List.of("00", "30", "59", "60", "5"),
                List.of("", ":00", ":07", ":59", ":60", ":61", ":5", ":"),
                List.of("", "", ".", ".0", ".5", ".123456", ".123456789", ".1234567890", ".12", ",5", ".x"),
                List.of("", "", "Z", "Z", "z", "+00:00", "-00:00", "+05:30", "-04:00", "+18:00", "-18:00", "+18:01",
                        "+19:00", "+23:59", "+24:00", "-0100", "+01", "+01:00:30", " Z", "ZZ", "+1:00", "-01:60"));
        String alphabet = "0123456789-+:.TtZz x\u0660\u00a0";
        Random random = new Random(20261202);
        int accepted = 0;
        int inOnePass = 0;
        int total = 100_000;
        for (int run = 0; run < total; run++) {
            StringBuilder text = new StringBuilder();
            parts.forEach(choices -> text.append(choices.get(random.nextBoolean() ? 0
                    : random.nextInt(choices.size()))));
            if (random.nextInt(4) == 0 && text.length() > 0) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    default -> text.deleteCharAt(at);
                }
            }
            String value = text.toString();
            Instant expected = kept(TenoviTimestampsTests::before, value);
            assertThat(kept(TenoviTimestamps::parse, value)).as(value).isEqualTo(expected);
            accepted += expected == null ? 0 : 1;
            inOnePass += TenoviTimestamps.common(value) == null ? 0 : 1;
        }
        assertThat(inOnePass).as("thousands of them were read in one pass").isGreaterThan(total / 100);
        assertThat(accepted).as("a fair share of the texts are timestamps").isBetween(total / 50, total / 2);
    }
}
