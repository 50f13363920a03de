package org.rpmsync.enrollment;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.cluster.PacedCalls;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.organization.Organization;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.tenovi.TenoviClient;
import org.rpmsync.tenovi.TenoviProperties;
import org.rpmsync.web.ApiProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SimulatedTenoviTest
class ClientTenoviApiTests extends TestWorld {

    @Autowired
    PacedCalls pacing;
    @Autowired
    TenoviConnections connections;

    Organization clinic;
    String token;
    SimulatedAccount tenovi;

    @BeforeEach
    void linkedClinic() {
        clinic = fixtures.tenoviOrganization();
        token = fixtures.orgToken(clinic);
        tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
    }

    Client client(String externalId) {
        return fixtures.client(clinic, new ClientDetails("Ann", "Lee", null, externalId, null));
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String bearer) {
        return request.header("Authorization", "Bearer " + bearer).contentType(MediaType.APPLICATION_JSON);
    }

    String path(Client client) {
        return "/api/v1/users/" + client.id() + "/integrations/tenovi";
    }

    @Test
    void showsTheExternalIdAsPatientIdUntilOneIsSavedThenTheSavedOne() throws Exception {
        Client ann = client("EXT-" + Fixtures.unique("a"));
        mvc.perform(as(get(path(ann)), token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.patientId").value(ann.externalId()))
                .andExpect(jsonPath("$.devices", hasSize(0)));
        mvc.perform(as(put(path(ann)), token).content("{\"patientId\":\" PAT-77 \"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.patientId").value("PAT-77"));
        mvc.perform(as(get(path(ann)), token)).andExpect(jsonPath("$.patientId").value("PAT-77"));
    }

    @Test
    void refusesAPatientIdAnotherClientHoldsAndEmptyOrLongOnes() throws Exception {
        Client ann = client(null);
        Client bob = client("BOB-1");
        mvc.perform(as(put(path(ann)), token).content("{\"patientId\":\"BOB-1\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("patient_id_taken"));
        mvc.perform(as(put(path(ann)), token).content("{\"patientId\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("invalid_input"));
        mvc.perform(as(put(path(ann)), token).content("{\"patientId\":\"" + "x".repeat(129) + "\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(bob.externalId()).isEqualTo("BOB-1");
    }

    @Test
    void assignsADeviceTenoviKnowsListsItAndRemovesItKeepingHistory() throws Exception {
        Client ann = client("ANN-1");
        String pillbox = tenovi.patient("ANN-1", null, "PILLBOX").get(0);
        mvc.perform(as(post(path(ann) + "/devices"), token).content("{\"hwiDeviceId\":\"" + pillbox + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hwiDeviceId").value(pillbox))
                .andExpect(jsonPath("$.deviceName").value("Tenovi Pillbox"))
                .andExpect(jsonPath("$.sensorCode").value("21"))
                .andExpect(jsonPath("$.status").value("Connected"))
                .andExpect(jsonPath("$.assignedFrom").isNotEmpty())
                .andExpect(jsonPath("$.warning").doesNotExist());
        mvc.perform(as(get(path(ann)), token))
                .andExpect(jsonPath("$.devices[0].hwiDeviceId").value(pillbox))
                .andExpect(jsonPath("$.devices[0].deviceName").value("Tenovi Pillbox"));
        mvc.perform(as(delete(path(ann) + "/devices/" + pillbox), token)).andExpect(status().isNoContent());
        mvc.perform(as(get(path(ann)), token)).andExpect(jsonPath("$.devices", hasSize(0)));
        assertThat(assignments.history(clinic.id(), "tenovi", pillbox)).hasSize(1)
                .allSatisfy(a -> assertThat(a.current()).isFalse());
        mvc.perform(as(delete(path(ann) + "/devices/" + pillbox), token)).andExpect(status().isNotFound());
    }

    @Test
    void warnsWhenTenoviFilesTheDeviceUnderAnotherPatientId() throws Exception {
        Client ann = client("ANN-2");
        String bpm = tenovi.patient("SOMEONE-ELSE", null, "BPM").get(0);
        mvc.perform(as(post(path(ann) + "/devices"), token).content("{\"hwiDeviceId\":\"" + bpm + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deviceName").value("Tenovi BPM - L"))
                .andExpect(jsonPath("$.warning", containsString("SOMEONE-ELSE")));
    }

    @Test
    void unknownDeviceIs422AndADeviceHeldElsewhereIs409UnlessMoved() throws Exception {
        Client ann = client(null);
        Client bob = client(null);
        mvc.perform(as(post(path(ann) + "/devices"), token).content("{\"hwiDeviceId\":\"no-such-device\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("unknown_device"))
                .andExpect(jsonPath("$.detail").value("Tenovi has no device no-such-device in your account."));
        mvc.perform(as(post(path(ann) + "/devices"), token).content("{\"hwiDeviceId\":\"a/b\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("invalid_input"));
        String scale = tenovi.patient("P-" + Fixtures.unique("s"), null, "SCALE").get(0);
        mvc.perform(as(post(path(bob) + "/devices"), token).content("{\"hwiDeviceId\":\"" + scale + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(as(post(path(ann) + "/devices"), token).content("{\"hwiDeviceId\":\"" + scale + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("device_assigned_elsewhere"));
        mvc.perform(as(post(path(ann) + "/devices"), token)
                        .content("{\"hwiDeviceId\":\"" + scale + "\",\"move\":true}"))
                .andExpect(status().isCreated());
        assertThat(assignments.holder(clinic.id(), "tenovi", scale).orElseThrow().clientId()).isEqualTo(ann.id());
    }

    @Test
    void notLinkedIs409AndUnreachableIs502() throws Exception {
        Organization unlinked = fixtures.tenoviOrganization();
        Client carl = fixtures.client(unlinked, new ClientDetails("Carl", "Diaz", null, null, null));
        mvc.perform(as(post("/api/v1/users/" + carl.id() + "/integrations/tenovi/devices"), fixtures.orgToken(unlinked))
                        .content("{\"hwiDeviceId\":\"abc\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not_linked"));
        TenoviClient nowhere = new TenoviClient(new TenoviProperties(URI.create("http://127.0.0.1:1"),
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(10), Duration.ofMillis(20),
                "Authorization", Duration.ofMillis(10)), RestClient.builder(), pacing);
        assertThatThrownBy(() -> new AccountDevices(connections, new TenoviAccount(nowhere, null, null)).device(clinic.id(), "abc"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(502);
                    assertThat(p.code()).isEqualTo("tenovi_unreachable");
                });
        assertThat(new AccountDevices(connections, new TenoviAccount(nowhere, null, null)).linked(unlinked.id())).isFalse();
    }

    @Test
    void otherOrganizationsAndUnknownUsersAre404OnEveryEndpoint() throws Exception {
        Client ann = client("ISO-" + Fixtures.unique("i"));
        String other = fixtures.orgToken(fixtures.tenoviOrganization());
        for (String p : List.of(path(ann), "/api/v1/users/" + java.util.UUID.randomUUID() + "/integrations/tenovi",
                "/api/v1/users/not-a-uuid/integrations/tenovi")) {
            String bearer = p.equals(path(ann)) ? other : token;
            mvc.perform(as(get(p), bearer)).andExpect(status().isNotFound());
            mvc.perform(as(put(p), bearer).content("{\"patientId\":\"X\"}")).andExpect(status().isNotFound());
            mvc.perform(as(post(p + "/devices"), bearer).content("{\"hwiDeviceId\":\"abc\"}"))
                    .andExpect(status().isNotFound());
            mvc.perform(as(delete(p + "/devices/abc"), bearer)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail", containsString("not found")));
        }
        mvc.perform(as(get(path(ann)), token)).andExpect(jsonPath("$.patientId").value(ann.externalId()))
                .andExpect(jsonPath("$.devices[0]").doesNotExist());
        mvc.perform(get(path(ann))).andExpect(status().isUnauthorized());
    }
}
