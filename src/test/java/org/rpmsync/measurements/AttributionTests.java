package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attribution in the measurements module itself, through {@link MeasurementRecorder} (no webhook, no inbox): a
 * reading goes to the client who held its device when it was measured, else to the client whose Patient ID it
 * carries (the device is then discovered), else it waits unmatched until a mapping or a Patient ID appears; once
 * given, a reading keeps its client; the client's activity moves forward; nothing crosses organizations.
 */
@RpmSyncTest
class AttributionTests extends TestWorld {

    static final Instant RECEIVED = Instant.parse("2026-03-05T12:00:00Z");

    @Autowired
    MeasurementRecorder recorder;
    @Autowired
    PatientIds patientIds;

    static NewReading pulse(String device, String patientId, Instant at, int value) {
        return new NewReading("tenovi", device, patientId, "pulse", ReadingType.PULSE, at, null, "",
                Integer.toString(value), "", BigDecimal.valueOf(value), null, "/min", null, false);
    }

    static NewReading opening(String device, Instant at) {
        return new NewReading("tenovi", device, null, "pillbox_opened", ReadingType.MEDICATION_COMPARTMENT_OPENED, at,
                null, "", "2", "1", BigDecimal.valueOf(2), BigDecimal.ONE, null, "Monday AM", false);
    }

    void record(Organization clinic, NewReading... readings) {
        recorder.record(clinic.id(), List.of(readings), RECEIVED, Origin.WEBHOOK);
    }

    /** The client (its id, or null) of each of the device's readings, by measurement time. */
    List<String> holders(Organization clinic, String device) {
        return jdbc.sql("select client_id from measurements where organization_id = ? and device_id = ? "
                        + "order by measured_at").params(clinic.id().value(), device)
                .query((rs, n) -> rs.getString(1)).list().stream().map(String::valueOf).toList();
    }

    DeviceDetails tenovi(String device) {
        return new DeviceDetails("tenovi", device, null, null, null, null);
    }

    @Test
    void aReadingGoesToWhoeverHeldTheDeviceWhenItWasMeasuredAndNobodyAfterTheDeviceWasRemoved() throws Exception {
        Organization clinic = fixtures.organization();
        Client ann = fixtures.client(clinic);
        Client bob = fixtures.client(clinic);
        String device = fixtures.mappedDevice(clinic, ann, null);
        Instant whileAnn = Instant.now().minus(2, ChronoUnit.DAYS);
        Thread.sleep(5);
        assignments.assign(clinic.id(), SystemActor.BOOTSTRAP, bob.id(), tenovi(device), true);
        Thread.sleep(5);
        Instant whileBob = Instant.now();
        Thread.sleep(5);
        assignments.end(clinic.id(), SystemActor.BOOTSTRAP, bob.id(), "tenovi", device);
        Instant afterRemoval = Instant.now().plusSeconds(60);

        record(clinic, pulse(device, null, afterRemoval, 70), pulse(device, null, whileBob, 71),
                pulse(device, null, whileAnn, 72));

        assertThat(holders(clinic, device)).containsExactly(ann.id().toString(), bob.id().toString(), "null");
    }

    @Test
    void withoutAMappingTheReadingFindsItsClientByPatientIdAndTheDeviceIsDiscoveredOnThatClient() {
        Organization clinic = fixtures.organization();
        Client bob = fixtures.client(clinic);
        String patientId = "PAT-" + Fixtures.unique("b");
        patientIds.save(clinic.id(), SystemActor.BOOTSTRAP, bob.id(), patientId);
        Instant at = Instant.parse("2026-03-04T08:00:00Z");

        record(clinic, pulse("disc-" + patientId, patientId, at, 66));
        record(clinic, pulse("disc-" + patientId, null, at.plusSeconds(60), 67));

        assertThat(holders(clinic, "disc-" + patientId)).containsExactly(bob.id().toString(), bob.id().toString());
        assertThat(assignments.holder(clinic.id(), "tenovi", "disc-" + patientId)).get()
                .satisfies(a -> {
                    assertThat(a.clientId()).isEqualTo(bob.id());
                    assertThat(a.discovered()).isTrue();
                    assertThat(a.vendorPatientId()).isEqualTo(patientId);
                });
    }

    /** Histories and Patient IDs are looked up for the whole batch at once; each reading still gets its own. */
    @Test
    void oneBatchOfManyDevicesAndPatientIdsGivesEachReadingTheSameClientAsOneByOne() {
        Organization clinic = fixtures.organization();
        Client ann = fixtures.client(clinic);
        Client bob = fixtures.client(clinic);
        Client cat = fixtures.client(clinic);
        String annDevice = fixtures.mappedDevice(clinic, ann, null);
        String catDevice = fixtures.mappedDevice(clinic, cat, null);
        String bobsId = "PAT-" + Fixtures.unique("m");
        patientIds.save(clinic.id(), SystemActor.BOOTSTRAP, bob.id(), bobsId);
        String found = "many-" + bobsId;
        Instant at = Instant.parse("2026-03-04T08:00:00Z");

        record(clinic, pulse(annDevice, bobsId, at, 60), pulse(found, " " + bobsId + " ", at, 61),
                pulse(catDevice, null, at, 62), pulse(found, null, at.plusSeconds(60), 63),
                pulse("lost-" + bobsId, "PAT-nobody-" + bobsId, at, 64), pulse(annDevice, null, at.plusSeconds(1), 65));

        assertThat(holders(clinic, annDevice)).containsExactly(ann.id().toString(), ann.id().toString());
        assertThat(holders(clinic, catDevice)).containsExactly(cat.id().toString());
        assertThat(holders(clinic, found)).containsExactly(bob.id().toString(), bob.id().toString());
        assertThat(holders(clinic, "lost-" + bobsId)).containsExactly("null");
        assertThat(assignments.holder(clinic.id(), "tenovi", found)).get()
                .satisfies(a -> assertThat(a.discovered()).isTrue());
        assertThat(assignments.holder(clinic.id(), "tenovi", "lost-" + bobsId)).isEmpty();
    }

    @Test
    void anUnmatchedReadingWaitsUntilItsDeviceIsMappedOrItsPatientIdIsSaved() {
        Organization clinic = fixtures.organization();
        Client ann = fixtures.client(clinic);
        Client cat = fixtures.client(clinic);
        String patientId = "PAT-" + Fixtures.unique("c");
        Instant at = Instant.parse("2026-03-03T08:00:00Z");
        record(clinic, pulse("wait-1-" + patientId, null, at, 60), pulse("wait-2-" + patientId, patientId, at, 61));
        assertThat(holders(clinic, "wait-1-" + patientId)).containsExactly("null");
        assertThat(holders(clinic, "wait-2-" + patientId)).containsExactly("null");

        assignments.assign(clinic.id(), SystemActor.BOOTSTRAP, ann.id(), tenovi("wait-1-" + patientId), false);
        patientIds.save(clinic.id(), SystemActor.BOOTSTRAP, cat.id(), patientId);

        assertThat(holders(clinic, "wait-1-" + patientId)).containsExactly(ann.id().toString());
        assertThat(holders(clinic, "wait-2-" + patientId)).containsExactly(cat.id().toString());
    }

    @Test
    void aReadingKeepsItsClientWhenTheDeviceMovesOnAndACopyOfItChangesNothing() throws Exception {
        Organization clinic = fixtures.organization();
        Client ann = fixtures.client(clinic);
        Client bob = fixtures.client(clinic);
        String device = fixtures.mappedDevice(clinic, ann, null);
        NewReading reading = pulse(device, null, Instant.now().minusSeconds(3_600), 80);
        record(clinic, reading);
        Thread.sleep(5);
        assignments.assign(clinic.id(), SystemActor.BOOTSTRAP, bob.id(), tenovi(device), true);

        Recorded copy = recorder.record(clinic.id(), List.of(reading), RECEIVED.plusSeconds(60), Origin.REFRESH);

        assertThat(copy.stored()).isZero();
        assertThat(holders(clinic, device)).containsExactly(ann.id().toString());
    }

    @Test
    void attributionMovesTheClientsActivityForwardInTheSameStep() {
        Organization clinic = fixtures.organization();
        Client ann = fixtures.client(clinic);
        String pillbox = fixtures.mappedDevice(clinic, ann, null);
        String cuff = fixtures.mappedDevice(clinic, ann, null);
        Instant opened = Instant.parse("2026-03-04T08:05:00Z");
        Instant measured = Instant.parse("2026-03-04T09:30:00Z");

        record(clinic, opening(pillbox, opened), pulse(cuff, null, measured, 64));

        Map<String, Object> activity = jdbc.sql("select last_received_at, last_measured_at, last_medication_at "
                + "from client_activity where client_id = ?").param(ann.id().value()).query().singleRow();
        assertThat(((Timestamp) activity.get("last_received_at")).toInstant()).isEqualTo(RECEIVED);
        assertThat(((Timestamp) activity.get("last_measured_at")).toInstant()).isEqualTo(measured);
        assertThat(((Timestamp) activity.get("last_medication_at")).toInstant()).isEqualTo(opened);
    }

    @Test
    void aDeviceMappedInOneOrganizationGivesNothingToItInAnother() {
        Organization ours = fixtures.organization();
        Organization theirs = fixtures.organization();
        Client ann = fixtures.client(ours);
        String device = fixtures.mappedDevice(ours, ann, null);
        Instant at = Instant.now().minusSeconds(600);

        record(theirs, pulse(device, null, at, 90));
        record(ours, pulse(device, null, at, 91));

        assertThat(holders(theirs, device)).containsExactly("null");
        assertThat(holders(ours, device)).containsExactly(ann.id().toString());
    }
}
