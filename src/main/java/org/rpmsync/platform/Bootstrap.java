package org.rpmsync.platform;

import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.NewStaff;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates the platform admin and platform token named by {@code RPMSYNC_BOOTSTRAP_*}.
 * Both are no-ops when the account or token already exists. Secrets are never logged.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Settings settings;
    private final StaffAccounts staff;
    private final ApiTokens tokens;

    Bootstrap(Settings settings, StaffAccounts staff, ApiTokens tokens) {
        this.settings = settings;
        this.staff = staff;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.adminEmail().isBlank() && !settings.adminPassword().isBlank()
                && !staff.exists(settings.adminEmail())) {
            staff.add(SystemActor.BOOTSTRAP, null, new NewStaff(settings.adminEmail(), "Platform admin",
                    Role.PLATFORM_ADMIN, settings.adminPassword()));
            log.info("Bootstrap: created the platform admin account");
        }
        if (!settings.platformToken().isBlank()) {
            tokens.ensurePlatformToken(SystemActor.BOOTSTRAP, settings.platformToken());
        }
    }

    @ConfigurationProperties("rpmsync.bootstrap")
    record Settings(String adminEmail, String adminPassword, String platformToken) {
        Settings {
            adminEmail = adminEmail == null ? "" : adminEmail;
            adminPassword = adminPassword == null ? "" : adminPassword;
            platformToken = platformToken == null ? "" : platformToken;
        }
    }
}
