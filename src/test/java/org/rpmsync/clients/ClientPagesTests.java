package org.rpmsync.clients;

import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class ClientPagesTests extends TestWorld {

    final Organization organization;
    final RequestPostProcessor practitioner;

    ClientPagesTests(@Autowired Fixtures fixtures) {
        this.organization = fixtures.organization();
        this.practitioner = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
    }

    Client add(String first, String last, String email, String externalId) {
        return clients.create(organization.id(), SystemActor.BOOTSTRAP,
                new ClientDetails(first, last, email, externalId, null));
    }

    @Test
    void showsAnEmptyStateWithANewClientButton() throws Exception {
        mvc.perform(get("/clients").with(practitioner))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No clients yet"), containsString("/clients/new"))));
    }

    @Test
    void listsAndSearchesClientsByNameEmailOrExternalId() throws Exception {
        add("Grace", "Hopper", "grace@navy.test", "G-7");
        add("Alan", "Turing", null, null);
        mvc.perform(get("/clients").with(practitioner))
                .andExpect(content().string(allOf(containsString("Hopper, Grace"), containsString("Turing, Alan"))));
        mvc.perform(get("/clients").param("q", "navy").with(practitioner))
                .andExpect(content().string(allOf(containsString("Hopper, Grace"), not(containsString("Turing")))));
        mvc.perform(get("/clients").param("q", "g-7").with(practitioner))
                .andExpect(content().string(containsString("Hopper, Grace")));
        mvc.perform(get("/clients").param("q", "nobody").with(practitioner))
                .andExpect(content().string(containsString("No client matches")));
    }

    @Test
    void findsClientsByTenoviPatientIdAndDeviceHwiId(@Autowired PatientIds patientIds,
                                                     @Autowired DeviceAssignments assignments) throws Exception {
        Client ada = add("Ada", "Lovelace", null, null);
        Client mary = add("Mary", "Somerville", null, null);
        patientIds.save(organization.id(), SystemActor.BOOTSTRAP, ada.id(), "TNV-88412");
        assignments.assign(organization.id(), SystemActor.BOOTSTRAP, mary.id(),
                new DeviceDetails("tenovi", "C0FFEE9F2B", "Tenovi Pillbox", "21", null, null), false);
        mvc.perform(get("/clients").param("q", "tnv-884").with(practitioner))
                .andExpect(content().string(allOf(containsString("Lovelace, Ada"), not(containsString("Somerville")))));
        mvc.perform(get("/clients").param("q", "c0ffee9f").with(practitioner))
                .andExpect(content().string(allOf(containsString("Somerville, Mary"), not(containsString("Lovelace")))));
        mvc.perform(get("/api/v1/users").param("q", "9f2b")
                        .header("Authorization", "Bearer " + fixtures.orgToken(organization)))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Somerville"),
                        not(containsString("Lovelace")))));
    }

    @Test
    void pagesTwentyFiveClientsAtATime() throws Exception {
        for (int i = 0; i < 30; i++) {
            add("Pat", String.format("Patient%02d", i), null, null);
        }
        mvc.perform(get("/clients").with(practitioner))
                .andExpect(content().string(allOf(containsString("Patient24"), not(containsString("Patient25")),
                        containsString("page=1"), containsString("Next"), not(containsString("Previous")))));
        mvc.perform(get("/clients").param("page", "1").with(practitioner))
                .andExpect(content().string(allOf(containsString("Patient29"), not(containsString("Patient24")),
                        containsString("Previous"), not(containsString(">Next<")))));
    }

    @Test
    void createsAClientAndRedirectsToTheProfileWithAFlash() throws Exception {
        mvc.perform(get("/clients/new").with(practitioner))
                .andExpect(status().isOk()).andExpect(content().string(containsString("America/New_York")));
        String location = mvc.perform(post("/clients/new").with(practitioner).with(csrf())
                        .param("firstName", "Ada").param("lastName", "Lovelace").param("email", "")
                        .param("externalId", "AL-1").param("timeZone", "Europe/London"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/clients/*"))
                .andExpect(flash().attribute("flash", "Client added."))
                .andReturn().getResponse().getRedirectedUrl();
        String id = location.substring("/clients/".length());
        Client saved = clients.find(organization.id(), ClientId.parse(id).orElseThrow()).orElseThrow();
        assertThat(clients.findByExternalId(organization.id(), "AL-1")).contains(saved);
        assertThat(saved.email()).isNull();
        assertThat(saved.timeZone().getId()).isEqualTo("Europe/London");
        mvc.perform(get(location).with(practitioner))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ada Lovelace"), containsString("AL-1"),
                        containsString("No device data yet"), containsString("/clients/" + id + "/reports"))));
    }

    @Test
    void showsFieldErrorsAndKeepsTheValuesTyped() throws Exception {
        mvc.perform(post("/clients/new").with(practitioner).with(csrf())
                        .param("firstName", "").param("lastName", "Lovelace").param("email", "not-an-email")
                        .param("externalId", "").param("timeZone", "Mars/Olympus"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("field-error"), containsString("is required"),
                        containsString("is not a valid email address"), containsString("IANA time zone"),
                        containsString("value=\"Lovelace\""), containsString("value=\"not-an-email\""))));
        assertThat(clients.search(organization.id(), "Lovelace", null, 0, 10).total()).isZero();
    }

    @Test
    void editsAClientAndAuditsTheChange() throws Exception {
        Client client = add("Ada", "Lovelace", "ada@example.test", null);
        mvc.perform(get("/clients/" + client.id() + "/edit").with(practitioner))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"ada@example.test\"")));
        mvc.perform(post("/clients/" + client.id() + "/edit").with(practitioner).with(csrf())
                        .param("firstName", "Ada").param("lastName", "King").param("email", "ada@example.test")
                        .param("externalId", "AK-1").param("timeZone", "America/Chicago"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "Changes saved."));
        Client saved = clients.find(organization.id(), client.id()).orElseThrow();
        assertThat(saved.lastName()).isEqualTo("King");
        assertThat(saved.externalId()).isEqualTo("AK-1");
        assertThat(audit.forTarget("client", client.id().toString())).extracting(AuditEntry::action)
                .contains("CLIENT_UPDATED", "CLIENT_VIEWED", "CLIENT_CREATED");
    }

    @Test
    void editShowsATakenExternalIdBesideTheField() throws Exception {
        add("Grace", "Hopper", null, "TAKEN-1");
        Client client = add("Ada", "Lovelace", null, null);
        mvc.perform(post("/clients/" + client.id() + "/edit").with(practitioner).with(csrf())
                        .param("firstName", "Ada").param("lastName", "Lovelace").param("externalId", "TAKEN-1")
                        .param("timeZone", "America/New_York"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("is already used by another client"),
                        containsString("value=\"TAKEN-1\""))));
    }

    @Test
    void everyProfileTabIsAuditedAsAView() throws Exception {
        Client client = add("Ada", "Lovelace", null, null);
        for (String tab : new String[] {"", "/reports", "/integrations"}) {
            mvc.perform(get("/clients/" + client.id() + tab).with(practitioner))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"tabs\"")));
        }
        assertThat(audit.forTarget("client", client.id().toString()))
                .filteredOn(e -> e.action().equals("CLIENT_VIEWED"))
                .extracting(AuditEntry::detail).containsExactly("integrations", "reports", "dashboard");
    }

    @Test
    void platformAdminsCannotOpenClientPages() throws Exception {
        mvc.perform(get("/clients").with(fixtures.signedIn(fixtures.staff(null, Role.PLATFORM_ADMIN))))
                .andExpect(status().isForbidden());
    }
}
