package org.rpmsync.users;

import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.organization.Organization;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class ClientApiTests extends TestWorld {

    String token;

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        if (token == null) {
            token = fixtures.orgToken(fixtures.organization());
        }
        return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
    }

    String create(String json) throws Exception {
        String body = mvc.perform(as(post("/api/v1/users")).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void createsAUserWithTheDefaultTimeZoneAndIgnoresUnknownFields() throws Exception {
        mvc.perform(as(post("/api/v1/users"))
                        .content("{\"firstName\":\" Ada \",\"lastName\":\"Lovelace\",\"externalId\":\"P-1\",\"shoeSize\":9}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.firstName").value("Ada"))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.externalId").value("P-1"))
                .andExpect(jsonPath("$.timeZone").value("America/New_York"))
                .andExpect(jsonPath("$.createdAt").isNotEmpty());
    }

    @Test
    void getsAUserByIdAndAuditsTheView() throws Exception {
        String id = create("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.test\","
                + "\"timeZone\":\"Europe/London\"}");
        mvc.perform(as(get("/api/v1/users/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.email").value("ada@example.test"))
                .andExpect(jsonPath("$.timeZone").value("Europe/London"));
        assertThat(audit.forTarget("client", id)).extracting(AuditEntry::action, AuditEntry::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("CLIENT_VIEWED", AuditEntry.Outcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("CLIENT_CREATED", AuditEntry.Outcome.SUCCESS));
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClearsEmail() throws Exception {
        String id = create("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.test\","
                + "\"externalId\":\"X-1\"}");
        mvc.perform(as(patch("/api/v1/users/" + id)).content("{\"lastName\":\"King\",\"email\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstName").value("Ada"))
                .andExpect(jsonPath("$.lastName").value("King"))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.externalId").value("X-1"));
        mvc.perform(as(get("/api/v1/users/" + id))).andExpect(jsonPath("$.lastName").value("King"));
        assertThat(audit.forTarget("client", id)).extracting(AuditEntry::action).contains("CLIENT_UPDATED");
    }

    @Test
    void patchRejectsInvalidValuesNamingTheField() throws Exception {
        String id = create("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}");
        mvc.perform(as(patch("/api/v1/users/" + id)).content("{\"timeZone\":\"Mars/Olympus\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_input"))
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
        mvc.perform(as(patch("/api/v1/users/" + id)).content("{\"firstName\":{\"a\":1}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("firstName"));
    }

    @Test
    void refusesATakenExternalIdWithConflict() throws Exception {
        create("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"externalId\":\"DUP\"}");
        mvc.perform(as(post("/api/v1/users")).content("{\"firstName\":\"Bo\",\"lastName\":\"B\",\"externalId\":\"DUP\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("external_id_taken"));
        String other = create("{\"firstName\":\"Cy\",\"lastName\":\"C\",\"externalId\":\"OTHER\"}");
        mvc.perform(as(patch("/api/v1/users/" + other)).content("{\"externalId\":\"DUP\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("external_id_taken"));
    }

    @Test
    void rejectsInvalidInputNamingEveryFieldAtFault() throws Exception {
        mvc.perform(as(post("/api/v1/users"))
                        .content("{\"firstName\":\"\",\"lastName\":\"" + "x".repeat(101) + "\",\"email\":\"not-an-email\","
                                + "\"timeZone\":\"+02:00\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_input"))
                .andExpect(jsonPath("$.errors[*].field", contains("firstName", "lastName", "email", "timeZone")));
    }

    @Test
    void rejectsAWrongTypeNamingTheField() throws Exception {
        mvc.perform(as(post("/api/v1/users")).content("{\"firstName\":[\"Ada\"],\"lastName\":\"L\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("firstName"));
    }

    @Test
    void listsAndSearchesByNameEmailOrExternalId() throws Exception {
        create("{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"email\":\"grace@navy.test\",\"externalId\":\"G-1\"}");
        create("{\"firstName\":\"Alan\",\"lastName\":\"Turing\",\"externalId\":\"A_1\"}");
        create("{\"firstName\":\"Edsger\",\"lastName\":\"Dijkstra\"}");
        mvc.perform(as(get("/api/v1/users")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[*].lastName", contains("Dijkstra", "Hopper", "Turing")));
        mvc.perform(as(get("/api/v1/users?q=HOP"))).andExpect(jsonPath("$.items[*].lastName", contains("Hopper")));
        mvc.perform(as(get("/api/v1/users?q=navy.test"))).andExpect(jsonPath("$.items[*].lastName", contains("Hopper")));
        mvc.perform(as(get("/api/v1/users?q=alan turing"))).andExpect(jsonPath("$.items[*].lastName", contains("Turing")));
        mvc.perform(as(get("/api/v1/users?q=_"))).andExpect(jsonPath("$.items[*].lastName", contains("Turing")));
        mvc.perform(as(get("/api/v1/users?externalId=G-1")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].externalId").value("G-1"));
        mvc.perform(as(get("/api/v1/users?externalId=g-1"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(get("/api/v1/users?page=1&size=2")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Turing"))).andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void rejectsAPageSizeOverTwoHundred() throws Exception {
        mvc.perform(as(get("/api/v1/users?size=201")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void unknownAndMalformedIdsAre404() throws Exception {
        mvc.perform(as(get("/api/v1/users/" + java.util.UUID.randomUUID())))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(as(get("/api/v1/users/not-a-uuid")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(as(patch("/api/v1/users/not-a-uuid")).content("{\"lastName\":\"X\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherOrganizationsTokenSeesNoneOfTheseUsers() throws Exception {
        create("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"externalId\":\"ISO-1\"}");
        Organization other = fixtures.organization();
        mvc.perform(get("/api/v1/users?externalId=ISO-1").header("Authorization", "Bearer " + fixtures.orgToken(other)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anOrganizationTokenIsNeeded() throws Exception {
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + fixtures.platformToken()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void keepsANumericExternalIdAsTextAndFindsItByExternalId() throws Exception {
        mvc.perform(as(post("/api/v1/users")).content("{\"firstName\":\"Ada\",\"lastName\":\"L\",\"externalId\":12345}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.externalId").value("12345"));
        mvc.perform(as(get("/api/v1/users?externalId=12345"))).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void patchWithNullExternalIdClearsIt() throws Exception {
        String id = create("{\"firstName\":\"Ada\",\"lastName\":\"L\",\"externalId\":\"CLR-1\"}");
        mvc.perform(as(patch("/api/v1/users/" + id)).content("{\"externalId\":null}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.externalId").doesNotExist());
        create("{\"firstName\":\"Bo\",\"lastName\":\"B\",\"externalId\":\"CLR-1\"}");
    }
}
