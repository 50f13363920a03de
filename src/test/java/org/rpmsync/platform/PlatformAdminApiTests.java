package org.rpmsync.platform;

import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class PlatformAdminApiTests extends TestWorld {

    @Test
    void createsAnOrganizationWithTenoviOff() throws Exception {
        String slug = Fixtures.unique("clinic");
        mvc.perform(post("/api/v1/admin/organizations").header("Authorization", "Bearer " + fixtures.platformToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Riverside Clinic\",\"slug\":\"" + slug + "\",\"ignored\":1}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value(slug))
                .andExpect(jsonPath("$.features.tenovi").value(false));
    }

    @Test
    void refusesATakenSlugWithConflict() throws Exception {
        Organization existing = fixtures.organization();
        mvc.perform(post("/api/v1/admin/organizations").header("Authorization", "Bearer " + fixtures.platformToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Copy\",\"slug\":\"" + existing.slug() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("slug_taken"));
    }

    @Test
    void rejectsAnInvalidSlugNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/admin/organizations").header("Authorization", "Bearer " + fixtures.platformToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\",\"slug\":\"Not A Slug!\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_input"))
                .andExpect(jsonPath("$.errors[0].field").value("slug"));
    }

    @Test
    void rejectsAWrongTypeNamingTheField() throws Exception {
        Organization o = fixtures.organization();
        mvc.perform(put("/api/v1/admin/organizations/" + o.slug() + "/features/tenovi")
                        .header("Authorization", "Bearer " + fixtures.platformToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":{\"a\":1}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("enabled"));
    }

    @Test
    void switchesTenoviOnAndIssuesATokenShownOnce() throws Exception {
        Organization o = fixtures.organization();
        String platform = fixtures.platformToken();
        mvc.perform(put("/api/v1/admin/organizations/" + o.slug() + "/features/tenovi")
                        .header("Authorization", "Bearer " + platform)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.features.tenovi").value(true));
        mvc.perform(post("/api/v1/admin/organizations/" + o.slug() + "/api-tokens")
                        .header("Authorization", "Bearer " + platform)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"EHR sync\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(startsWith("rpm_")));
        mvc.perform(get("/api/v1/admin/organizations").header("Authorization", "Bearer " + platform))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].slug", hasItem(o.slug())));
    }

    @Test
    void addsStaffWithAGeneratedPasswordShownOnce() throws Exception {
        Organization o = fixtures.organization();
        String email = Fixtures.unique("nurse") + "@example.test";
        mvc.perform(post("/api/v1/admin/organizations/" + o.slug() + "/staff")
                        .header("Authorization", "Bearer " + fixtures.platformToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"name\":\"Nurse Joy\",\"role\":\"PRACTITIONER\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("PRACTITIONER"))
                .andExpect(jsonPath("$.temporaryPassword").isNotEmpty());
    }

    @Test
    void organizationTokensAndMissingTokensGet401OnAdminEndpoints() throws Exception {
        Organization o = fixtures.organization();
        mvc.perform(get("/api/v1/admin/organizations").header("Authorization", "Bearer " + fixtures.orgToken(o)))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(get("/api/v1/admin/organizations"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", "Bearer"));
        mvc.perform(get("/api/v1/admin/organizations").header("Authorization", "Bearer rpm_not-a-real-token"))
                .andExpect(status().isUnauthorized());
    }
}
