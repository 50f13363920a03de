package org.rpmsync.organization;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class StaffLifecycleTests extends TestWorld {

    @Autowired
    StaffAccounts staff;
    @Autowired
    StaffPasswords passwords;

    @Test
    void orgAdminAddsStaffToTheirOwnOrganizationOnly() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String email = Fixtures.unique("nurse") + "@example.test";
        mvc.perform(post("/settings/staff").param("email", email).param("name", "Nora Nurse")
                        .param("role", "PRACTITIONER").param("password", "")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/staff"));
        StaffMember added = staff.login(email).orElseThrow().member();
        assertThat(added.organizationId()).isEqualTo(clinic.id());
        assertThat(added.role()).isEqualTo(Role.PRACTITIONER);
        mvc.perform(post("/settings/staff").param("email", "x@example.test").param("name", "X")
                        .param("role", "PLATFORM_ADMIN").param("password", "long enough password")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("field-error")));
        assertThat(staff.exists("x@example.test")).isFalse();
    }

    @Test
    void practitionersCannotManageStaff() throws Exception {
        Organization clinic = fixtures.organization();
        String practitioner = fixtures.staff(clinic, Role.PRACTITIONER);
        mvc.perform(get("/settings/staff").with(fixtures.signedIn(practitioner))).andExpect(status().isForbidden());
    }

    @Test
    void deactivatingEndsTheOpenSessionBlocksSignInAndKeepsTheAuditHistory() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        UUID nurseId = staff.login(nurse).orElseThrow().member().id();
        MockHttpSession session = signIn(nurse);
        mvc.perform(get("/clients").session(session)).andExpect(status().isOk());

        mvc.perform(post("/settings/staff/" + nurseId + "/deactivate").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/staff"));

        mvc.perform(get("/clients").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(formLogin().user(nurse).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(audit.forTarget("staff", nurseId.toString())).extracting(AuditEntry::action)
                .contains("STAFF_DEACTIVATED", "STAFF_ADDED");

        mvc.perform(post("/settings/staff/" + nurseId + "/reactivate").with(fixtures.signedIn(admin)).with(csrf()));
        signIn(nurse);
    }

    @Test
    void changingARoleEndsTheSessionThatStillHasTheOldRole() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String other = fixtures.staff(clinic, Role.ORG_ADMIN);
        UUID otherId = staff.login(other).orElseThrow().member().id();
        MockHttpSession session = signIn(other);
        mvc.perform(post("/settings/staff/" + otherId + "/role").param("role", "PRACTITIONER")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/staff"));
        assertThat(staff.login(other).orElseThrow().member().role()).isEqualTo(Role.PRACTITIONER);
        mvc.perform(get("/settings/staff").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(audit.forTarget("staff", otherId.toString()).get(0).detail()).isEqualTo("ORG_ADMIN to PRACTITIONER");
    }

    @Test
    void nobodyChangesTheirOwnAccountOrAnotherOrganizationsStaff() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        UUID adminId = staff.login(admin).orElseThrow().member().id();
        String foreign = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        UUID foreignId = staff.login(foreign).orElseThrow().member().id();
        mvc.perform(post("/settings/staff/" + adminId + "/deactivate").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/staff"));
        assertThat(staff.login(admin).orElseThrow().member().enabled()).isTrue();
        mvc.perform(post("/settings/staff/" + foreignId + "/deactivate").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(staff.login(foreign).orElseThrow().member().enabled()).isTrue();
    }

    @Test
    void aResetLinkIsShownOnceStoredHashedWorksOnceAndExpires() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        UUID nurseId = staff.login(nurse).orElseThrow().member().id();
        var result = mvc.perform(post("/settings/staff/" + nurseId + "/password-reset")
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/staff")).andReturn();
        String link = ((ShownOnce) result.getFlashMap().get("shownOnce")).secret();
        assertThat(link).contains("/password-reset#");
        String secret = link.substring(link.indexOf('#') + 1);
        assertThat(jdbc.sql("select count(*) from staff_password_resets where token_hash = ?").param(secret)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/password-reset").param("token", secret).param("password", "short").param("confirm", "short")
                        .with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("12 to 128 characters")));
        mvc.perform(post("/password-reset").param("token", secret).param("password", "a brand new passphrase")
                        .param("confirm", "a brand new passphrase").with(csrf()))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(formLogin().user(nurse).password("a brand new passphrase")).andExpect(redirectedUrl("/"));
        mvc.perform(post("/password-reset").param("token", secret).param("password", "another new passphrase")
                        .param("confirm", "another new passphrase").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("already used or expired")));

        String second = passwords.issueReset(SystemActor.BOOTSTRAP, clinic.id(), nurseId).link();
        jdbc.sql("update staff_password_resets set expires_at = created_at - interval '1' second where staff_id = ?")
                .param(nurseId).update();
        assertThat(second).isNotNull();
        mvc.perform(post("/password-reset").param("token", second.substring(second.indexOf('#') + 1))
                        .param("password", "another new passphrase").param("confirm", "another new passphrase").with(csrf()))
                .andExpect(content().string(containsString("already used or expired")));
        assertThat(audit.forTarget("staff", nurseId.toString())).extracting(AuditEntry::action)
                .contains("PASSWORD_RESET_ISSUED", "PASSWORD_RESET_COMPLETED");
    }

    @Test
    void staffChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        Organization clinic = fixtures.organization();
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        mvc.perform(post("/account/password").param("current", "not my password").param("password", "a much longer one")
                        .param("confirm", "a much longer one").with(fixtures.signedIn(nurse)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("not your current password")));
        mvc.perform(post("/account/password").param("current", Fixtures.PASSWORD).param("password", "too short")
                        .param("confirm", "too short").with(fixtures.signedIn(nurse)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("12 to 128 characters")));
        mvc.perform(post("/account/password").param("current", Fixtures.PASSWORD).param("password", "a much longer one")
                        .param("confirm", "a much longer one").with(fixtures.signedIn(nurse)).with(csrf()))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(formLogin().user(nurse).password("a much longer one")).andExpect(redirectedUrl("/"));
        UUID id = staff.login(nurse).orElseThrow().member().id();
        assertThat(audit.forTarget("staff", id.toString())).extracting(AuditEntry::action)
                .contains("PASSWORD_CHANGED");
    }

    private MockHttpSession signIn(String email) throws Exception {
        var result = mvc.perform(formLogin().user(email).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
