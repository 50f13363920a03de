package org.rpmsync.enrollment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SimulatedTenoviTest
class ClientTenoviPanelTests extends TestWorld {

    Organization clinic;
    String nurse;
    SimulatedAccount tenovi;

    @BeforeEach
    void linkedClinic() {
        clinic = fixtures.tenoviOrganization();
        nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
    }

    Client client(String first, String externalId) {
        return fixtures.client(clinic, new ClientDetails(first, "Lee", null, externalId, null));
    }

    String base(Client client) {
        return "/clients/" + client.id() + "/integrations/tenovi";
    }

    MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true").with(fixtures.signedIn(nurse)).with(csrf());
    }

    @Test
    void integrationsTabLoadsTheTileWhichSaysTheExternalIdIsUsed() throws Exception {
        Client ann = client("Ann", "EXT-" + Fixtures.unique("e"));
        mvc.perform(get("/clients/" + ann.id() + "/integrations").with(fixtures.signedIn(nurse)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-get=\"" + base(ann) + "\""),
                        containsString("hx-trigger=\"load\""))));
        mvc.perform(htmx(get(base(ann))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"tenovi-tile\""),
                        containsString(ann.externalId()), containsString("External ID is used"),
                        not(containsString("<html")), not(containsString("<script")))));
        mvc.perform(get(base(ann)).with(fixtures.signedIn(nurse)))
                .andExpect(content().string(allOf(containsString("<html"), containsString("id=\"tenovi-panel\""))));
        assertThat(audit.forTarget("client", ann.id().toString()))
                .filteredOn(e -> e.action().equals("CLIENT_VIEWED") && nurse.equals(e.actor()))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void savesAPatientIdAndExplainsEmptyTooLongAndTakenNamingTheHolder() throws Exception {
        Client ann = client("Ann", null);
        Client bob = client("Bob", "BOB-" + Fixtures.unique("b"));
        mvc.perform(htmx(get(base(ann) + "?open=patient")))
                .andExpect(content().string(allOf(containsString("No Patient ID yet"), containsString("id=\"patientId\""),
                        not(containsString("id=\"tenovi-open-devices\"")))));
        mvc.perform(htmx(post(base(ann) + "/patient-id")).param("patientId", " "))
                .andExpect(content().string(containsString("Enter the client&#39;s Tenovi Patient ID")));
        mvc.perform(htmx(post(base(ann) + "/patient-id")).param("patientId", "x".repeat(200)))
                .andExpect(content().string(containsString("Use at most 128 characters")));
        mvc.perform(htmx(post(base(ann) + "/patient-id")).param("patientId", bob.externalId()))
                .andExpect(content().string(allOf(containsString("already belongs to"), containsString("Bob Lee"),
                        containsString("/clients/" + bob.id() + "/integrations"))));
        mvc.perform(htmx(post(base(ann) + "/patient-id")).param("patientId", "ANN-" + ann.id()))
                .andExpect(content().string(allOf(containsString("class=\"flash ok\""),
                        containsString("Patient ID ANN-" + ann.id() + " saved."),
                        containsString("id=\"tenovi-open-devices\""))));
    }

    @Test
    void checksDevicesWithTenoviShowsThemAndWarnsOnAnotherPatientId() throws Exception {
        Client ann = client("Ann", "ANN-" + Fixtures.unique("a"));
        String pillbox = tenovi.patient(ann.externalId(), null, "PILLBOX").get(0);
        String bpm = tenovi.patient("ELSEWHERE-1", null, "BPM").get(0);
        mvc.perform(htmx(post(base(ann) + "/devices")).param("hwiDeviceId", "nope-123"))
                .andExpect(content().string(containsString("Tenovi has no device nope-123 in your account.")));
        mvc.perform(htmx(post(base(ann) + "/devices")).param("hwiDeviceId", pillbox))
                .andExpect(content().string(allOf(containsString("Tenovi Pillbox"), containsString(">21<"),
                        containsString(">Connected<"), not(containsString("id=\"tenovi-warning\"")))));
        mvc.perform(htmx(post(base(ann) + "/devices")).param("hwiDeviceId", bpm))
                .andExpect(content().string(allOf(containsString("Tenovi BPM - L"),
                        containsString("id=\"tenovi-warning\""), containsString("ELSEWHERE-1"))));
        mvc.perform(htmx(post(base(ann) + "/devices/" + bpm + "/remove")))
                .andExpect(content().string(allOf(containsString("removed"), containsString("Tenovi Pillbox"),
                        not(containsString("data-hwi=\"" + bpm + "\"")))));
    }

    @Test
    void asksBeforeMovingADeviceFromAnotherClient() throws Exception {
        Client ann = client("Ann", "A-" + Fixtures.unique("a"));
        Client bob = client("Bob", "B-" + Fixtures.unique("b"));
        String scale = tenovi.patient(bob.externalId(), null, "SCALE").get(0);
        mvc.perform(htmx(post(base(bob) + "/devices")).param("hwiDeviceId", scale)).andExpect(status().isOk());
        mvc.perform(htmx(post(base(ann) + "/devices")).param("hwiDeviceId", scale))
                .andExpect(content().string(allOf(containsString("id=\"tenovi-confirm-move\""),
                        containsString("Bob Lee"), containsString("name=\"move\" value=\"true\""))));
        mvc.perform(htmx(post(base(ann) + "/devices")).param("hwiDeviceId", scale).param("move", "true"))
                .andExpect(content().string(allOf(containsString("moved to Ann Lee"),
                        containsString("data-hwi=\"" + scale + "\""))));
    }

    @Test
    void saysSoWhenTenoviIsNotLinked() throws Exception {
        Organization unlinked = fixtures.tenoviOrganization();
        String staff = fixtures.staff(unlinked, Role.ORG_ADMIN);
        Client carl = fixtures.client(unlinked, new ClientDetails("Carl", "Diaz", null, "C-1", null));
        mvc.perform(get(base(carl) + "?open=devices").with(fixtures.signedIn(staff)))
                .andExpect(content().string(containsString("id=\"tenovi-not-linked\"")));
        mvc.perform(post(base(carl) + "/devices").param("hwiDeviceId", "abc").with(fixtures.signedIn(staff))
                        .with(csrf()))
                .andExpect(content().string(containsString("No Tenovi account is linked")));
    }

    @Test
    void anotherOrganizationsStaffGet404OnEveryPanelRoute() throws Exception {
        Client ann = client("Ann", "ISO-" + Fixtures.unique("i"));
        String stranger = fixtures.staff(fixtures.tenoviOrganization(), Role.ORG_ADMIN);
        mvc.perform(get(base(ann)).with(fixtures.signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(base(ann) + "/patient-id").param("patientId", "X").with(fixtures.signedIn(stranger))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base(ann) + "/devices").param("hwiDeviceId", "abc").with(fixtures.signedIn(stranger))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base(ann) + "/devices/abc/remove").with(fixtures.signedIn(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
