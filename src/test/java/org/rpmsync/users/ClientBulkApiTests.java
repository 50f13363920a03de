package org.rpmsync.users;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class ClientBulkApiTests extends TestWorld {

    final String token;

    ClientBulkApiTests(@Autowired Fixtures fixtures) {
        this.token = fixtures.orgToken(fixtures.organization());
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
    }

    String bulk(String rows) throws Exception {
        return mvc.perform(as(post("/api/v1/users/bulk")).content("{\"users\":[" + rows + "]}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void goodRowsAreSavedAndBadRowsAreReportedOneByOne() throws Exception {
        String body = bulk("""
                {"firstName":"Ada","lastName":"Lovelace","externalId":"B-1"},
                {"firstName":"","lastName":"Nameless","externalId":"B-2"},
                {"firstName":"Grace","lastName":"Hopper","email":"grace@example.test","extra":true},
                {"firstName":"Bad","lastName":"Email","email":"nope"},
                {"firstName":"Alan","lastName":"Turing","timeZone":"Europe/London"}""");
        assertThat(JsonPath.<List<String>>read(body, "$.results[*].status"))
                .containsExactly("created", "error", "created", "error", "created");
        assertThat(JsonPath.<List<Integer>>read(body, "$.results[*].index")).containsExactly(0, 1, 2, 3, 4);
        assertThat(JsonPath.<String>read(body, "$.results[1].code")).isEqualTo("invalid_input");
        assertThat(JsonPath.<String>read(body, "$.results[1].detail")).startsWith("firstName:");
        assertThat(JsonPath.<String>read(body, "$.results[3].detail")).startsWith("email:");
        mvc.perform(as(get("/api/v1/users")))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].lastName", contains("Hopper", "Lovelace", "Turing")));
        String id = JsonPath.read(body, "$.results[0].id");
        assertThat(audit.forTarget("client", id)).extracting(AuditEntry::action).containsExactly("CLIENT_CREATED");
    }

    @Test
    void matchesByExternalIdThenByEmailAndDetectsUnchangedRows() throws Exception {
        String first = bulk("""
                {"firstName":"Ada","lastName":"Lovelace","externalId":"M-1","email":"ada@example.test"},
                {"firstName":"Grace","lastName":"Hopper","email":"grace@example.test"}""");
        String ada = JsonPath.read(first, "$.results[0].id");
        String grace = JsonPath.read(first, "$.results[1].id");

        String second = bulk("""
                {"firstName":"Ada","lastName":"King","externalId":"M-1"},
                {"firstName":"Grace","lastName":"Hopper","email":"GRACE@example.test","externalId":"M-2"},
                {"firstName":"Ada","lastName":"King","externalId":"M-1"}""");
        assertThat(JsonPath.<List<String>>read(second, "$.results[*].status")).containsExactly("updated", "updated", "error");
        assertThat(JsonPath.<String>read(second, "$.results[0].id")).isEqualTo(ada);
        assertThat(JsonPath.<String>read(second, "$.results[1].id")).isEqualTo(grace);
        assertThat(JsonPath.<String>read(second, "$.results[2].code")).isEqualTo("duplicate_in_batch");

        String third = bulk("""
                {"firstName":"Ada","lastName":"King","externalId":"M-1"},
                {"firstName":"Grace","lastName":"Hopper","externalId":"M-2","email":"GRACE@example.test"}""");
        assertThat(JsonPath.<List<String>>read(third, "$.results[*].status")).containsExactly("unchanged", "unchanged");

        mvc.perform(as(get("/api/v1/users/" + ada)))
                .andExpect(jsonPath("$.lastName").value("King"))
                .andExpect(jsonPath("$.email").value("ada@example.test"));
        mvc.perform(as(get("/api/v1/users?externalId=M-2"))).andExpect(jsonPath("$.items[0].id").value(grace));
        assertThat(audit.forTarget("client", ada)).extracting(AuditEntry::action)
                .containsExactly("CLIENT_VIEWED", "CLIENT_UPDATED", "CLIENT_CREATED");
    }

    @Test
    void aSecondRowWithTheSameEmailInOneBatchIsADuplicate() throws Exception {
        String body = bulk("""
                {"firstName":"Ada","lastName":"Lovelace","email":"same@example.test"},
                {"firstName":"Ada","lastName":"Again","email":"Same@Example.test"}""");
        assertThat(JsonPath.<List<String>>read(body, "$.results[*].status")).containsExactly("created", "error");
        assertThat(JsonPath.<String>read(body, "$.results[1].code")).isEqualTo("duplicate_in_batch");
    }

    @Test
    void upsertsAThousandRowsInOneRequest() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"firstName\":\"F").append(i).append("\",\"lastName\":\"L")
                    .append(i).append("\",\"externalId\":\"K-").append(i).append("\"}");
        }
        mvc.perform(as(post("/api/v1/users/bulk")).content("{\"users\":[" + rows + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results", hasSize(1000)))
                .andExpect(jsonPath("$.results[999].status").value("created"));
        String again = bulk(rows.toString());
        assertThat(JsonPath.<List<String>>read(again, "$.results[*].status")).containsOnly("unchanged");
        mvc.perform(as(get("/api/v1/users?size=1"))).andExpect(jsonPath("$.total").value(1000));
    }

    @Test
    void rejectsMoreThanAThousandRowsAsAWhole() throws Exception {
        String row = "{\"firstName\":\"A\",\"lastName\":\"B\"}";
        String rows = String.join(",", java.util.Collections.nCopies(1001, row));
        mvc.perform(as(post("/api/v1/users/bulk")).content("{\"users\":[" + rows + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("too_many_rows"));
        mvc.perform(as(get("/api/v1/users"))).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void rejectsARequestWithoutUsers() throws Exception {
        mvc.perform(as(post("/api/v1/users/bulk")).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("users"));
    }
}
