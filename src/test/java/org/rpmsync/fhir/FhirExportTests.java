package org.rpmsync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.reports.ClinicData;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code GET /api/v1/users/{id}/fhir} end to end: stored readings and adherence, validated by the HL7 validator. */
@RpmSyncTest
class FhirExportTests extends TestWorld {

    final String token;
    final Client client;

    FhirExportTests(@Autowired Fixtures fixtures, @Autowired ClinicData data, @Autowired PatientIds patientIds,
                    @Autowired DeviceAssignments assignments) {
        Organization organization = fixtures.organization();
        token = fixtures.orgToken(organization);
        client = data.client(organization, "America/Chicago");
        patientIds.save(organization.id(), SystemActor.BOOTSTRAP, client.id(), "TP-4711");
        assignments.assign(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new DeviceDetails("tenovi", "bp-1", "Tenovi BPM - L", "10", "Active", "TP-4711"), false);
        data.record(organization, client, Instant.parse("2024-10-15T02:31:00Z"),
                ClinicData.opening("pill-1", Instant.parse("2024-10-15T02:30:00Z"), -300, 2, 2, false),
                ClinicData.opening("pill-1", Instant.parse("2024-10-14T16:00:00Z"), -300, 2, 1, false));
        data.record(organization, client, Instant.parse("2024-10-14T13:01:00Z"),
                ClinicData.bloodPressure("bp-1", Instant.parse("2024-10-14T13:00:00Z"), 128, 82, "587"),
                ClinicData.single("bp-1", ReadingType.PULSE, "pulse", Instant.parse("2024-10-14T13:00:00Z"), "71",
                        "/min", "587", null),
                ClinicData.single("ox-1", ReadingType.SPO2, "spO2", Instant.parse("2024-10-14T13:05:00Z"), "97",
                        "%", "", null),
                ClinicData.single("gl-1", ReadingType.GLUCOSE, "glucose", Instant.parse("2024-10-14T12:00:00Z"),
                        "104", "mg/dL", "", "before meal"),
                ClinicData.single("sc-1", ReadingType.WEIGHT, "weight", Instant.parse("2024-10-13T12:00:00Z"),
                        "181.4", "[lb_av]", "", null));
    }

    MockHttpServletRequestBuilder fhir(String query) {
        return get("/api/v1/users/" + client.id() + "/fhir" + query).header("Authorization", "Bearer " + token);
    }

    Bundle bundle(String query) throws Exception {
        return bundle(fhir(query));
    }

    Bundle bundle(MockHttpServletRequestBuilder request) throws Exception {
        String text = mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andReturn().getResponse().getContentAsString();
        assertThat(FhirValidation.errors(text)).isEmpty();
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, text);
        assertThat(FhirBundleTests.unresolved(bundle)).isEmpty();
        return bundle;
    }

    @Test
    void exportsAValidBundleOfReadingsDevicesAndEveryDueDose() throws Exception {
        Bundle bundle = bundle("?from=2024-10-13&to=2024-10-15");
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).allMatch(e -> e.getFullUrl().startsWith("urn:uuid:"));
        Patient patient = FhirBundleTests.resources(bundle, Patient.class).get(0);
        assertThat(patient.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                .contains(FhirCodes.TENOVI_PATIENT_ID + "|TP-4711");
        assertThat(FhirBundleTests.resources(bundle, Device.class)).extracting(d -> d.getDeviceNameFirstRep().getName())
                .contains("Tenovi BPM - L", "Tenovi PillBox", "Tenovi Glucometer", "Tenovi Scale", "Tenovi Pulse oximeter");
        Observation bp = FhirBundleTests.coded(bundle, "85354-9");
        assertThat(bp.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-10-14T08:00:00-05:00");
        assertThat(FhirBundleTests.coded(bundle, "2708-6").getCode().getCoding()).hasSize(2);
        List<String> doses = FhirBundleTests.resources(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("dose"))
                .map(o -> o.getComponentFirstRep().getValueStringType().getValue() + " "
                        + o.getValueCodeableConcept().getCodingFirstRep().getCode()).toList();
        // The PillBox's first opening (Monday morning) starts monitoring: Sunday was not monitored, so not exported.
        assertThat(doses).containsExactly("Monday AM late",
                "Monday PM taken", "Tuesday AM missed", "Tuesday PM missed");
        assertThat(FhirBundleTests.coded(bundle, "adherence-summary").getHasMember()).hasSize(4);
        assertThat(audit.forTarget("client", client.id().toString())).extracting(AuditEntry::action)
                .contains("REPORT_EXPORTED", "CLIENT_VIEWED");
    }

    @Test
    void sinceKeepsWhatWasReceivedFromThenOn() throws Exception {
        Bundle bundle = bundle("?from=2024-10-13&to=2024-10-15&_since=2024-10-15T02:00:00Z");
        List<String> readings = FhirBundleTests.resources(bundle, Observation.class).stream()
                .filter(o -> !o.getCode().getCodingFirstRep().getSystem().equals(FhirCodes.ADHERENCE))
                .map(o -> o.getCode().getCodingFirstRep().getCode()).toList();
        assertThat(readings).containsExactly("medication_compartment_opened", "medication_compartment_opened");
        assertThat(FhirBundleTests.resources(bundle, Device.class)).hasSize(1);
        List<String> doses = FhirBundleTests.resources(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("dose"))
                .map(o -> o.getComponentFirstRep().getValueStringType().getValue()).toList();
        assertThat(doses).as("doses decided by what arrived since, and days that ended since")
                .containsExactly("Monday AM", "Monday PM", "Tuesday AM", "Tuesday PM");
        assertThat(bundle(fhir("").param("_since", "2030-01-01T00:00:00+01:00")).getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactly("Patient", "Observation");
    }

    @Test
    void badParametersAreProblems() throws Exception {
        for (String query : List.of("?from=yesterday", "?to=2024-13-01", "?_since=2024-10-01",
                "?from=2024-10-05&to=2024-10-01")) {
            mvc.perform(fhir(query)).andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("invalid_input"));
        }
    }
}
