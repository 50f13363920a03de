package org.rpmsync.tenovi;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.ReadingType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recorded-style Tenovi payloads (src/test/resources/tenovi) read and translated into the neutral vocabulary. */
class TenoviPayloadsTests {

    private final TenoviPayloads payloads = new TenoviPayloads();
    private final TenoviReadings readings = new TenoviReadings(new TenoviUnits(null, null));

    static String fixture(String name) throws IOException {
        try (InputStream in = TenoviPayloadsTests.class.getResourceAsStream("/tenovi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<NewReading> translated(String fixture) throws IOException {
        return payloads.read(fixture(fixture)).measurements().stream().map(readings::translate).toList();
    }

    @Test
    void readsABloodPressureArrayPairedByMeasurementIndex() throws IOException {
        List<NewReading> bpm = translated("bpm-array.json");
        assertThat(bpm).extracting(NewReading::type).containsExactly(ReadingType.BLOOD_PRESSURE, ReadingType.PULSE);
        NewReading pressure = bpm.get(0);
        assertThat(pressure.value()).isEqualByComparingTo("128");
        assertThat(pressure.value2()).isEqualByComparingTo("82");
        assertThat(pressure.unit()).isEqualTo("mm[Hg]");
        assertThat(pressure.measurementIndex()).isEqualTo("587").isEqualTo(bpm.get(1).measurementIndex());
        assertThat(pressure.utcOffsetMinutes()).isEqualTo(-240);
        assertThat(pressure.measuredAt()).isEqualTo(Instant.parse("2024-10-16T04:10:00Z"));
        assertThat(pressure.rawValue1()).isEqualTo("128");
        assertThat(bpm.get(1).unit()).isEqualTo("/min");
    }

    @Test
    void namesThePillboxCompartmentFromDayAndPeriod() throws IOException {
        NewReading opened = translated("pillbox-opened.json").get(0);
        assertThat(opened.type()).isEqualTo(ReadingType.MEDICATION_COMPARTMENT_OPENED);
        assertThat(opened.label()).isEqualTo("Wednesday PM");
        assertThat(opened.value()).isEqualByComparingTo("4");
        assertThat(opened.value2()).isEqualByComparingTo("2");
        assertThat(opened.patientId()).isEqualTo("PAT-000123");
    }

    @Test
    void readsRefillsAndBattery() throws IOException {
        List<NewReading> events = translated("pillbox-refills.json");
        assertThat(events).extracting(NewReading::type).containsExactly(ReadingType.MEDICATION_REFILL_STARTED,
                ReadingType.MEDICATION_COMPARTMENT_REFILLED, ReadingType.BATTERY);
        assertThat(events.get(1).label()).isEqualTo("Sunday AM");
        assertThat(events.get(2).value()).isEqualByComparingTo("87");
    }

    @Test
    void readsEveryOtherDeviceWithUnits() throws IOException {
        List<NewReading> vitals = translated("vitals-others.json");
        assertThat(vitals).extracting(NewReading::type).containsExactly(ReadingType.GLUCOSE, ReadingType.SPO2,
                ReadingType.PERFUSION_INDEX, ReadingType.WEIGHT, ReadingType.TEMPERATURE, ReadingType.STEPS,
                ReadingType.HEART_RATE, ReadingType.SLEEP);
        assertThat(vitals).extracting(NewReading::unit).containsExactly("mg/dL", "%", "%", "[lb_av]", "[degF]",
                "{steps}", "/min", "h");
        assertThat(vitals.get(0).label()).isEqualTo("post-prandial");
        assertThat(vitals.get(6).value2()).isEqualByComparingTo("101");
    }

    @Test
    void toleratesNumbersNullsStraySpacesAndKeepsUnknownMetricsAsOther() throws IOException {
        TenoviDelivery delivery = payloads.read(fixture("odd-but-valid.json"));
        assertThat(delivery.rejected()).isEmpty();
        NewReading pulse = readings.translate(delivery.measurements().get(0));
        assertThat(pulse.type()).isEqualTo(ReadingType.PULSE);
        assertThat(pulse.value()).isEqualByComparingTo("86");
        assertThat(pulse.rawValue2()).isEmpty();
        assertThat(pulse.patientId()).isNull();
        assertThat(pulse.utcOffsetMinutes()).as("-240 cannot be hours: read as minutes").isEqualTo(-240);
        assertThat(pulse.estimatedTimestamp()).isTrue();
        NewReading cap = readings.translate(delivery.measurements().get(1));
        assertThat(cap.type()).isEqualTo(ReadingType.OTHER);
        assertThat(cap.metric()).isEqualTo("patchcap_open_close_event");
        assertThat(cap.rawValue1()).isEqualTo("1");
        assertThat(cap.utcOffsetMinutes()).isEqualTo(330);
        assertThat(cap.measuredAt()).isEqualTo(Instant.parse("1970-01-01T00:00:05Z"));
    }

    @Test
    void keepsInvalidItemsWithReasonsWhileValidSiblingsAreRead() throws IOException {
        TenoviDelivery delivery = payloads.read(fixture("mixed-invalid.json"));
        assertThat(delivery.rejected()).extracting(TenoviDelivery.RejectedItem::index).containsExactly(0, 1, 3);
        assertThat(delivery.rejected().get(0).reason()).isEqualTo("timestamp is missing");
        assertThat(delivery.rejected().get(1).reason()).isEqualTo("the item is not a JSON object");
        assertThat(delivery.measurements()).hasSize(2);
        assertThatThrownBy(() -> readings.translate(delivery.measurements().get(0)))
                .isInstanceOf(TenoviPayloads.InvalidItem.class).hasMessageContaining("compartment disagrees");
        assertThat(readings.translate(delivery.measurements().get(1)).label()).isEqualTo("Monday AM");
    }

    @Test
    void tellsFulfillmentUpdatesFromMeasurementsEvenWithAStraySpaceInStatus() throws IOException {
        TenoviDelivery delivery = payloads.read(fixture("fulfillment.json"));
        assertThat(delivery.measurements()).isEmpty();
        assertThat(delivery.statuses()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("Shipped");
            assertThat(f.hwiDeviceId()).isEqualTo("12345678-abcd-1234-abcd-1234567890ab");
        });
    }

    @Test
    void rejectsBodiesThatAreNotAnObjectOrArray() {
        for (String body : List.of("", "not json", "42", "\"text\"", "null", "{\"a\":")) {
            assertThatThrownBy(() -> payloads.read(body)).as(body).isInstanceOf(MalformedPayload.class);
        }
    }

    @Test
    void treatsEquivalentNumbersAsOneValue() {
        assertThat(TenoviReadings.canonical("128.00")).isEqualTo(TenoviReadings.canonical("128"))
                .isEqualTo(TenoviReadings.canonical("128.0"));
        assertThat(TenoviReadings.number("1e999999999")).isNull();
        assertThat(TenoviReadings.canonical(null)).isEmpty();
        assertThat(new BigDecimal("0.50").stripTrailingZeros().toPlainString()).isEqualTo(TenoviReadings.canonical("0.5"));
    }

    @Test
    void namesAllFourteenCompartments() {
        assertThat(TenoviReadings.compartmentName(1, 1)).isEqualTo("Sunday AM");
        assertThat(TenoviReadings.compartmentName(2, 2)).isEqualTo("Monday PM");
        assertThat(TenoviReadings.compartmentName(7, 2)).isEqualTo("Saturday PM");
    }
}
