package org.rpmsync.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.Origin;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 §4: however a device was mapped, its name, sensor code and status come from Tenovi, and every page shows
 * it as "Tenovi Pillbox · …f2b".
 */
@SimulatedTenoviTest
class DeviceNamesTests extends TestWorld {

    @Autowired
    SyncJobs jobs;
    @Autowired
    SyncWorker worker;
    @Autowired
    MeasurementRecorder recorder;

    Organization clinic;
    SimulatedAccount tenovi;
    Client ann;
    String patientId;

    @BeforeEach
    void linkedClinicWithAClient() {
        clinic = fixtures.tenoviOrganization();
        tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
        patientId = Fixtures.unique("NAMES");
        ann = fixtures.client(clinic, new ClientDetails("Ann", "Names", null, patientId, null));
    }

    @Test
    void aDeviceDiscoveredThroughThePatientIdGetsItsNameFromTenoviAndIsLabelledOnEveryPage() throws Exception {
        String pillbox = tenovi.patient(patientId, null, "PILLBOX").get(0);
        assignments.discover(clinic.id(), ann.id(), new DeviceDetails("tenovi", pillbox, null, null, null, patientId));

        assertThat(worker.drain(clinic.id().value())).as("the discovery's backfill").isEqualTo(1);

        Assignment held = assignments.holder(clinic.id(), "tenovi", pillbox).orElseThrow();
        assertThat(held.deviceName()).isEqualTo("Tenovi Pillbox");
        assertThat(held.sensorCode()).isEqualTo("21");
        assertThat(held.vendorStatus()).isEqualTo("Connected");
        String label = "Tenovi Pillbox · …" + pillbox.substring(pillbox.length() - 3);
        assertThat(held.label()).isEqualTo(label);

        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        mvc.perform(get("/clients/" + ann.id() + "/integrations/tenovi?open=devices").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(label)));
        mvc.perform(get("/settings/integrations/tenovi/jobs").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ann Names · " + label)));
        mvc.perform(get("/api/v1/users/" + ann.id() + "/integrations/tenovi")
                        .header("Authorization", "Bearer " + fixtures.orgToken(clinic)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.devices[0].deviceName").value("Tenovi Pillbox"))
                .andExpect(jsonPath("$.devices[0].sensorCode").value("21"))
                .andExpect(jsonPath("$.devices[0].status").value("Connected"));
    }

    @Test
    void reconciliationRefreshesTheNameAndStatusOfEveryMappedDevice() {
        String watch = tenovi.patient(patientId, "Unlinked", "WATCH").get(0);
        assignments.assign(clinic.id(), SimulatedAccount.actor(clinic.id()), ann.id(),
                new DeviceDetails("tenovi", watch, "old name", null, "Connected", patientId), false);
        worker.drain(clinic.id().value());

        jobs.reconcile(clinic.id().value());
        assertThat(worker.drain(clinic.id().value())).isEqualTo(1);

        Assignment held = assignments.holder(clinic.id(), "tenovi", watch).orElseThrow();
        assertThat(held.deviceName()).isEqualTo("Tenovi Watch");
        assertThat(held.sensorCode()).isEqualTo("15");
        assertThat(held.vendorStatus()).isEqualTo("Unlinked");
    }

    @Test
    void unmatchedReadingsOfADeviceMappedBeforeShowItsName() throws Exception {
        String watch = tenovi.patient(patientId, null, "WATCH").get(0);
        assignments.assign(clinic.id(), SimulatedAccount.actor(clinic.id()), ann.id(),
                new DeviceDetails("tenovi", watch, "Tenovi Watch", "15", "Connected", patientId), false);
        assignments.end(clinic.id(), SimulatedAccount.actor(clinic.id()), ann.id(), "tenovi", watch);
        Thread.sleep(1_100);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // after the mapping ended: nobody's reading
        recorder.record(clinic.id(), List.of(new NewReading("tenovi", watch, null, "steps", ReadingType.STEPS, now,
                null, "", "120", "", BigDecimal.valueOf(120), null, "{steps}", null, false)), now, Origin.WEBHOOK);

        String label = "Tenovi Watch · …" + watch.substring(watch.length() - 3);
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        mvc.perform(get("/settings/unmatched").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(label)));
        mvc.perform(get("/api/v1/unmatched").header("Authorization", "Bearer " + fixtures.orgToken(clinic)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].hwiDeviceId").value(watch))
                .andExpect(jsonPath("$.items[0].deviceName").value("Tenovi Watch"));
    }
}
