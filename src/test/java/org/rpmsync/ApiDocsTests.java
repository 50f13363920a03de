package org.rpmsync;

import org.junit.jupiter.api.Test;
import org.rpmsync.organization.Role;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API's documentation is served to staff in a browser and to token holders alike. */
@RpmSyncTest
class ApiDocsTests extends TestWorld {

    @Test
    void aSignedInStaffMemberOpensTheApiDocs() throws Exception {
        String staff = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        mvc.perform(get("/api/docs").with(fixtures.signedIn(staff)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/api/swagger-ui/index.html"));
        mvc.perform(get("/api/swagger-ui/index.html").with(fixtures.signedIn(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("swagger-ui")));
        mvc.perform(get("/api/docs/openapi.json").with(fixtures.signedIn(staff)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.paths['/api/v1/users']").exists());
    }

    @Test
    void aTokenHolderOpensTheApiDocs() throws Exception {
        String token = fixtures.orgToken(fixtures.organization());
        mvc.perform(get("/api/swagger-ui/index.html").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/docs/openapi.json").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }
}
