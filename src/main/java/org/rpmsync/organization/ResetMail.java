package org.rpmsync.organization;

import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails a password-reset link when SMTP is configured ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT},
 * {@code SPRING_MAIL_USERNAME}, {@code SPRING_MAIL_PASSWORD}; sender {@code RPMSYNC_MAIL_FROM}). Without SMTP
 * settings Spring Boot creates no mail sender and the admin is shown the link once instead.
 */
@Component
class ResetMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    ResetMail(ObjectProvider<JavaMailSender> sender,
              MailSettings settings) {
        this.sender = sender;
        this.from = settings.from();
    }

    /** True when the link was handed to the SMTP server; false when no SMTP server is configured. */
    boolean send(StaffMember member, String link, Instant expiresAt) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(member.email());
        message.setSubject("Reset your RPM Sync password");
        message.setText("Hello " + member.name() + ",\n\nan administrator of your clinic issued a link to set a new "
                + "RPM Sync password. Open it within 24 hours; it works once:\n\n" + link
                + "\n\nIf you did not ask for this, tell your administrator.\n");
        mail.send(message);
        return true;
    }
}
