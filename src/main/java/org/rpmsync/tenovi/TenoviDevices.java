package org.rpmsync.tenovi;

import java.util.List;
import java.util.Optional;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The HWI devices in an organization's Tenovi account, read live from Tenovi. Failures are {@link ApiProblem}s
 * whose detail is shown to people: 409 {@code not_linked}, 502 {@code tenovi_unreachable}.
 */
@Service
class TenoviDevices {

    static final String SOURCE = "tenovi";
    /** 50 pages of 100: the most devices a discovery listing reads from Tenovi at once. */
    static final int MAX_PAGES = 50;
    private static final Logger log = LoggerFactory.getLogger(TenoviDevices.class);

    private final TenoviConnections connections;
    private final TenoviClient client;

    TenoviDevices(TenoviConnections connections, TenoviClient client) {
        this.connections = connections;
        this.client = client;
    }

    /** The device, or empty when Tenovi has no device with this id in the organization's account. */
    Optional<TenoviDevice> find(OrganizationId organization, String hwiDeviceId) {
        TenoviCredentials credentials = credentials(organization);
        try {
            return client.device(credentials, hwiDeviceId);
        } catch (TenoviUnavailable e) {
            throw unreachable(credentials, e);
        }
    }

    /** Every device in the account (up to {@link #MAX_PAGES} pages), in Tenovi's order. */
    List<TenoviDevice> all(OrganizationId organization) {
        TenoviCredentials credentials = credentials(organization);
        try {
            return client.allDevices(credentials, MAX_PAGES);
        } catch (TenoviUnavailable e) {
            throw unreachable(credentials, e);
        }
    }

    boolean linked(OrganizationId organization) {
        return connections.credentials(organization).isPresent();
    }

    /** What the mapping stores of a Tenovi device, cut to the stored column sizes. */
    static DeviceDetails details(TenoviDevice device) {
        return new DeviceDetails(SOURCE, device.id(), cut(device.name(), 100), cut(device.sensorCode(), 16),
                cut(device.status(), 40), cut(device.patientId(), 128));
    }

    static ApiProblem notLinked() {
        return new ApiProblem(HttpStatus.CONFLICT, "not_linked",
                "No Tenovi account is linked to this organization. An org admin can link one under "
                        + "Organization Settings > Integrations.");
    }

    private TenoviCredentials credentials(OrganizationId organization) {
        return connections.credentials(organization).orElseThrow(TenoviDevices::notLinked);
    }

    private static ApiProblem unreachable(TenoviCredentials credentials, TenoviUnavailable e) {
        log.warn("Tenovi device lookup for {} failed: {}", credentials.clientDomain(), e.getMessage());
        return new ApiProblem(HttpStatus.BAD_GATEWAY, "tenovi_unreachable",
                "Couldn't reach Tenovi (" + e.getMessage() + "). Try again in a few minutes.");
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
