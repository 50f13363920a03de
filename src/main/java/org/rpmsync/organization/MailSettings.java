package org.rpmsync.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param from the sender of reset e-mails ({@code RPMSYNC_MAIL_FROM}) */
@ConfigurationProperties("rpmsync.mail")
record MailSettings(@DefaultValue("RPM Sync <no-reply@rpmsync.local>") String from) {
}
