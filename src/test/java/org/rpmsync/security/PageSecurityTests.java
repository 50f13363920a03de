package org.rpmsync.security;

import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class PageSecurityTests extends TestWorld {

    @Test
    void sendsAnonymousVisitorsToSignIn() throws Exception {
        mvc.perform(get("/clients")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void servesStaticFilesUnderAssetsOnlyAndToAnybody() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("href=\"/assets/css/app.css\"", "href=\"/assets/img/favicon.svg\"",
                "src=\"/assets/js/app.js\"");
        for (String file : new String[] {"/assets/css/app.css", "/assets/js/app.js", "/assets/img/favicon.svg",
                "/webjars/htmx.org/dist/htmx.min.js"}) {
            mvc.perform(get(file)).andExpect(status().isOk());
        }
        // Not also at the root: pages' links are not looked up as static files while rendering.
        mvc.perform(get("/css/app.css")).andExpect(status().is3xxRedirection());
    }

    @Test
    void servesStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void signsInWithTheRightPasswordOnly() throws Exception {
        String email = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        mvc.perform(formLogin().user(email).password(Fixtures.PASSWORD))
                .andExpect(authenticated()).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user(email).password("wrong password!"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void throttlesRepeatedFailuresEvenForTheRightPasswordAndAuditsThem() throws Exception {
        String email = fixtures.staff(fixtures.organization(), Role.ORG_ADMIN);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(email).password("guess " + i)).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user(email).password(Fixtures.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        long failed = jdbc.sql("select count(*) from audit_events where actor = ? and action = 'LOGIN_FAILED'")
                .param(email).query(Long.class).single();
        long throttled = jdbc.sql("select count(*) from audit_events where actor = ? and action = 'LOGIN_THROTTLED'")
                .param(email).query(Long.class).single();
        assertThat(failed).isEqualTo(5);
        assertThat(throttled).isEqualTo(1);
    }

    @Test
    void refusesFormPostsWithoutCsrfToken() throws Exception {
        String email = fixtures.staff(fixtures.organization(), Role.ORG_ADMIN);
        mvc.perform(post("/settings/tokens").param("name", "x").with(fixtures.signedIn(email)))
                .andExpect(status().isForbidden());
    }

    @Test
    void keepsPractitionersOutOfOrganizationSettingsAndPlatformPages() throws Exception {
        Organization clinic = fixtures.organization();
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        mvc.perform(get("/settings/tokens").with(fixtures.signedIn(nurse))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/organizations").with(fixtures.signedIn(nurse))).andExpect(status().isForbidden());
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        mvc.perform(get("/settings/tokens").with(fixtures.signedIn(admin))).andExpect(status().isOk());
        mvc.perform(get("/admin/organizations").with(fixtures.signedIn(admin))).andExpect(status().isForbidden());
    }

    @Test
    void signsOut() throws Exception {
        String email = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        mvc.perform(post("/logout").with(fixtures.signedIn(email)).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOut"));
    }
}
