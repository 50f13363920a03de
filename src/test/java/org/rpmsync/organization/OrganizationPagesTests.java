package org.rpmsync.organization;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class OrganizationPagesTests extends TestWorld {

    @Autowired
    ApiTokens tokens;
    @Autowired
    OrganizationDirectory organizations;

    @Test
    void platformAdminCreatesAnOrganizationAndSwitchesTenoviOn() throws Exception {
        String admin = fixtures.staff(null, Role.PLATFORM_ADMIN);
        String slug = Fixtures.unique("lakeside");
        mvc.perform(post("/admin/organizations").param("name", "Lakeside Clinic").param("slug", slug)
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/organizations/" + slug));
        mvc.perform(post("/admin/organizations/" + slug + "/tenovi").param("enabled", "true")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/organizations/" + slug));
        assertThat(organizations.findBySlug(slug).orElseThrow().tenoviEnabled()).isTrue();
        mvc.perform(get("/admin/organizations").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Lakeside Clinic")));
        mvc.perform(get("/admin/organizations/" + slug).with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("action=\"/admin/organizations/" + slug + "/tokens\"")));
    }

    @Test
    void showsTheFieldErrorBesideTheSlug() throws Exception {
        String admin = fixtures.staff(null, Role.PLATFORM_ADMIN);
        mvc.perform(post("/admin/organizations").param("name", "Bad").param("slug", "No Spaces!")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(containsString("lowercase letters")));
    }

    @Test
    void orgAdminCreatesATokenSeenOnceThenOnlyItsHint() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        var result = mvc.perform(post("/settings/tokens").param("name", "EHR sync")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/tokens"))
                .andExpect(flash().attributeExists("shownOnce")).andReturn();
        String secret = ((ShownOnce) result.getFlashMap().get("shownOnce")).secret();
        mvc.perform(get("/settings/tokens").with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("action=\"/settings/tokens\"")))
                .andExpect(content().string(containsString("…" + secret.substring(secret.length() - 4))))
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void orgAdminRevokesOwnTokensButGets404ForAnotherOrganizations() throws Exception {
        Organization mine = fixtures.organization();
        Organization theirs = fixtures.organization();
        String admin = fixtures.staff(mine, Role.ORG_ADMIN);
        UUID own = tokens.issue(SystemActor.BOOTSTRAP, mine.id(), "own").token().id();
        UUID foreign = tokens.issue(SystemActor.BOOTSTRAP, theirs.id(), "foreign").token().id();
        mvc.perform(post("/settings/tokens/" + foreign + "/revoke").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.list(theirs.id())).allMatch(ApiToken::active);
        mvc.perform(post("/settings/tokens/" + own + "/revoke").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/tokens"));
        assertThat(tokens.list(mine.id())).noneMatch(ApiToken::active);
        mvc.perform(get("/settings/tokens").with(fixtures.signedIn(admin)))
                .andExpect(content().string(not(containsString("foreign"))));
    }

    @Test
    void auditLogShowsOnlyTheOrganizationsOwnEntries() throws Exception {
        Organization mine = fixtures.organization();
        Organization theirs = fixtures.organization();
        tokens.issue(SystemActor.BOOTSTRAP, theirs.id(), "their-token");
        String admin = fixtures.staff(mine, Role.ORG_ADMIN);
        mvc.perform(get("/settings/audit").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("title=\"STAFF_ADDED\"")))
                .andExpect(content().string(not(containsString("title=\"TOKEN_CREATED\""))));
    }

    @Test
    void staffListShowsTheOrganizationsPeople() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String other = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        mvc.perform(get("/settings/staff").with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString(admin)))
                .andExpect(content().string(not(containsString(other))));
    }
}
