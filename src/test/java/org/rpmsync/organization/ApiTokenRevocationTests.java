package org.rpmsync.organization;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class ApiTokenRevocationTests extends TestWorld {

    @Autowired
    ApiTokens tokens;

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextCall() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        IssuedToken issued = tokens.issue(SystemActor.BOOTSTRAP, clinic.id(), "EHR sync");
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk());
        mvc.perform(post("/settings/tokens/" + issued.token().id() + "/revoke")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/tokens"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenListShowsWhoCreatedItWhenItWasLastUsedAndARevokeButtonWithAConfirmation() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        mvc.perform(post("/settings/tokens").param("name", "Billing export").with(fixtures.signedIn(admin)).with(csrf()));
        ApiToken token = tokens.list(clinic.id()).get(0);
        assertThat(token.createdBy()).isEqualTo(admin);
        mvc.perform(get("/settings/tokens").with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString(admin)))
                .andExpect(content().string(containsString("Never")))
                .andExpect(content().string(containsString("action=\"/settings/tokens/" + token.id() + "/revoke\"")))
                .andExpect(content().string(containsString("data-confirm=\"Revoke the token Billing export?")));
    }

    @Test
    void platformAdminRevokesAnOrganizationsTokenButNotThroughAnotherOrganization() throws Exception {
        Organization clinic = fixtures.organization();
        Organization other = fixtures.organization();
        String platform = fixtures.staff(null, Role.PLATFORM_ADMIN);
        UUID id = tokens.issue(SystemActor.BOOTSTRAP, clinic.id(), "legacy").token().id();
        mvc.perform(get("/admin/organizations/" + clinic.slug()).with(fixtures.signedIn(platform)))
                .andExpect(content().string(containsString("/admin/organizations/" + clinic.slug() + "/tokens/" + id + "/revoke")));
        mvc.perform(post("/admin/organizations/" + other.slug() + "/tokens/" + id + "/revoke")
                        .with(fixtures.signedIn(platform)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/organizations/" + clinic.slug() + "/tokens/" + id + "/revoke")
                        .with(fixtures.signedIn(platform)).with(csrf()))
                .andExpect(redirectedUrl("/admin/organizations/" + clinic.slug()));
        assertThat(tokens.list(clinic.id())).noneMatch(ApiToken::active);
    }

    @Test
    void anOrgAdminCannotRevokeThroughThePlatformPages() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        UUID id = tokens.issue(SystemActor.BOOTSTRAP, clinic.id(), "x").token().id();
        mvc.perform(post("/admin/organizations/" + clinic.slug() + "/tokens/" + id + "/revoke")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
