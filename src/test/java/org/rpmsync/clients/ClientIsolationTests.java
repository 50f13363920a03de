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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Organization A, by token or by staff, can neither see nor change a client of organization B. */
@RpmSyncTest
class ClientIsolationTests extends TestWorld {

    final Organization a;
    final String tokenA;
    final RequestPostProcessor adminA;
    final Client clientOfB;

    ClientIsolationTests(@Autowired Fixtures fixtures, @Autowired ClientDirectory clients) {
        this.a = fixtures.organization();
        this.tokenA = fixtures.orgToken(a);
        this.adminA = fixtures.signedIn(fixtures.staff(a, Role.ORG_ADMIN));
        Organization b = fixtures.organization();
        this.clientOfB = clients.create(b.id(), SystemActor.BOOTSTRAP,
                new ClientDetails("Bea", "Secretsson", "bea@b.test", Fixtures.unique("B-EXT"), null));
    }

    @Test
    void theApiAnswers404ForAnotherOrganizationsClient() throws Exception {
        String path = "/api/v1/users/" + clientOfB.id();
        mvc.perform(get(path).header("Authorization", "Bearer " + tokenA))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"))
                .andExpect(content().string(not(containsString("Secretsson"))));
        mvc.perform(patch(path).header("Authorization", "Bearer " + tokenA).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\":\"Hijacked\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        assertThat(clients.find(clientOfB.organizationId(), clientOfB.id()).orElseThrow().lastName())
                .isEqualTo("Secretsson");
    }

    @Test
    void pagesAnswer404ForAnotherOrganizationsClient() throws Exception {
        String base = "/clients/" + clientOfB.id();
        for (String path : new String[] {base, base + "/reports", base + "/integrations", base + "/edit"}) {
            mvc.perform(get(path).with(adminA)).andExpect(status().isNotFound());
        }
        mvc.perform(post(base + "/edit").with(adminA).with(csrf())
                        .param("firstName", "Bea").param("lastName", "Hijacked").param("timeZone", "UTC"))
                .andExpect(status().isNotFound());
        assertThat(clients.find(clientOfB.organizationId(), clientOfB.id()).orElseThrow().lastName())
                .isEqualTo("Secretsson");
    }

    @Test
    void deniedAttemptsAreAudited() throws Exception {
        mvc.perform(get("/api/v1/users/" + clientOfB.id()).header("Authorization", "Bearer " + tokenA));
        mvc.perform(get("/clients/" + clientOfB.id() + "/reports").with(adminA));
        mvc.perform(post("/clients/" + clientOfB.id() + "/edit").with(adminA).with(csrf())
                .param("firstName", "X").param("lastName", "Y"));
        assertThat(audit.forTarget("client", clientOfB.id().toString()))
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.DENIED)
                .allMatch(e -> e.organizationId().equals(a.id().value()))
                .extracting(AuditEntry::action)
                .containsExactly("CLIENT_UPDATED", "CLIENT_VIEWED", "CLIENT_VIEWED");
    }

    @Test
    void anotherOrganizationsClientsNeverAppearInListsOrSearches() throws Exception {
        clients.create(a.id(), SystemActor.BOOTSTRAP, new ClientDetails("Ann", "Secretsson", null, null, null));
        mvc.perform(get("/api/v1/users").param("q", "secretsson").header("Authorization", "Bearer " + tokenA))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].firstName").value("Ann"));
        mvc.perform(get("/api/v1/users").param("externalId", clientOfB.externalId())
                        .header("Authorization", "Bearer " + tokenA))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/clients").param("q", "secretsson").with(adminA))
                .andExpect(content().string(containsString("Secretsson, Ann")))
                .andExpect(content().string(not(containsString("Bea"))));
        mvc.perform(get("/clients").with(adminA)).andExpect(content().string(not(containsString("Bea"))));
    }

    @Test
    void bulkRowsNeverMatchAnotherOrganizationsClients() throws Exception {
        mvc.perform(post("/api/v1/users/bulk").header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"users\":[{\"firstName\":\"Bea\",\"lastName\":\"Copy\",\"externalId\":\""
                                + clientOfB.externalId() + "\"},{\"firstName\":\"Bea\",\"lastName\":\"Copy2\","
                                + "\"email\":\"bea@b.test\"}]}"))
                .andExpect(jsonPath("$.results[0].status").value("created"))
                .andExpect(jsonPath("$.results[1].status").value("created"));
        assertThat(clients.find(clientOfB.organizationId(), clientOfB.id()).orElseThrow().lastName())
                .isEqualTo("Secretsson");
    }
}
