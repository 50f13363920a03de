package org.rpmsync.organization;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** With SMTP settings the reset link goes by e-mail (to an in-process GreenMail server) and is not shown. */
@RpmSyncTest
class PasswordResetMailTests extends TestWorld {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("rpmsync.public-base-url", () -> "https://rpm.clinic.example");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    StaffAccounts staff;

    @Test
    void mailsTheLinkInsteadOfShowingIt() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        UUID nurseId = staff.login(nurse).orElseThrow().member().id();

        mvc.perform(post("/settings/staff/" + nurseId + "/password-reset").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/staff"))
                .andExpect(flash().attributeCount(1))
                .andExpect(flash().attribute("success", "A reset link was e-mailed to " + nurse
                        + ". It works once, for 24 hours."));

        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[SMTP.getReceivedMessages().length - 1];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(nurse);
        assertThat(mail.getSubject()).isEqualTo("Reset your RPM Sync password");
        String body = GreenMailUtil.getBody(mail);
        int at = body.indexOf("https://rpm.clinic.example/password-reset#");
        assertThat(at).isPositive();
        String secret = body.substring(at).split("#")[1].split("\\s")[0];

        mvc.perform(post("/password-reset").param("token", secret).param("password", "mailed new passphrase")
                        .param("confirm", "mailed new passphrase").with(csrf()))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(formLogin().user(nurse).password("mailed new passphrase")).andExpect(redirectedUrl("/"));
    }
}
