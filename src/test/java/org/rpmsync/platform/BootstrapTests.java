package org.rpmsync.platform;

import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.ApiToken;
import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class BootstrapTests extends TestWorld {

    @Autowired
    StaffAccounts staff;
    @Autowired
    ApiTokens tokens;

    @Test
    void createsThePlatformAdminAndTokenOnceAndIsANoOpAfterwards() throws Exception {
        String email = "root-" + System.nanoTime() + "@example.test";
        String secret = "bootstrap-token-" + System.nanoTime();
        var bootstrap = new Bootstrap(new Bootstrap.Settings(email, "a long enough password", secret), staff, tokens);
        bootstrap.run(new DefaultApplicationArguments());
        bootstrap.run(new DefaultApplicationArguments());
        assertThat(staff.login(email)).get().extracting(l -> l.member().role()).isEqualTo(Role.PLATFORM_ADMIN);
        mvc.perform(get("/api/v1/admin/organizations").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
        assertThat(tokens.authenticate(secret)).get().extracting(ApiToken::scope).isEqualTo(ApiToken.Scope.PLATFORM);
    }
}
