package org.rpmsync.enrollment;

import java.util.List;
import java.util.Optional;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.AccountDevice;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.tenovi.TenoviCredentials;
import org.rpmsync.tenovi.TenoviUnavailable;
import org.rpmsync.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The HWI devices in an organization's Tenovi account, read live from Tenovi ({@link TenoviAccount}), for people:
 * failures are {@link ApiProblem}s whose detail is shown, 409 {@code not_linked} and 502 {@code tenovi_unreachable}.
 */
@Service
class AccountDevices {

    private static final Logger log = LoggerFactory.getLogger(AccountDevices.class);

    private final TenoviConnections connections;
    private final TenoviAccount account;

    AccountDevices(TenoviConnections connections, TenoviAccount account) {
        this.connections = connections;
        this.account = account;
    }

    /** The device, or empty when Tenovi has no device with this id in the organization's account. */
    Optional<AccountDevice> device(OrganizationId organization, String hwiDeviceId) {
        TenoviCredentials credentials = credentials(organization);
        try {
            return account.device(credentials, hwiDeviceId);
        } catch (TenoviUnavailable e) {
            throw unreachable(credentials, e);
        }
    }

    /** Every device in the account (up to 50 pages of 100), in Tenovi's order. */
    List<AccountDevice> devices(OrganizationId organization) {
        TenoviCredentials credentials = credentials(organization);
        try {
            return account.devices(credentials);
        } catch (TenoviUnavailable e) {
            throw unreachable(credentials, e);
        }
    }

    boolean linked(OrganizationId organization) {
        return connections.credentials(organization).isPresent();
    }

    static ApiProblem notLinked() {
        return new ApiProblem(HttpStatus.CONFLICT, "not_linked",
                "No Tenovi account is linked to this organization. An org admin can link one under "
                        + "Organization Settings > Integrations.");
    }

    private TenoviCredentials credentials(OrganizationId organization) {
        return connections.credentials(organization).orElseThrow(AccountDevices::notLinked);
    }

    private static ApiProblem unreachable(TenoviCredentials credentials, TenoviUnavailable e) {
        log.warn("Tenovi device lookup for {} failed: {}", credentials.clientDomain(), e.getMessage());
        return new ApiProblem(HttpStatus.BAD_GATEWAY, "tenovi_unreachable",
                "Couldn't reach Tenovi (" + e.getMessage() + "). Try again in a few minutes.");
    }
}
