package org.rpmsync.tenovi;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The clinic's Tenovi account in our vocabulary, the one way other modules read it: its devices
 * ({@link AccountDevice}) and its readings ({@link Readings}, from a list or from a webhook body). Every call goes
 * through {@link TenoviClient}, paced with everything else. For people ({@link OrganizationId} methods) failures are
 * {@link ApiProblem}s whose detail is shown: 409 {@code not_linked}, 502 {@code tenovi_unreachable}; for jobs
 * ({@link TenoviCredentials} methods) a {@link TenoviUnavailable} saying why.
 */
@Service
public class TenoviAccount {

    /** The {@code source} of readings and devices that come from Tenovi. */
    public static final String SOURCE = "tenovi";
    /** 50 pages of 100: the most devices a listing reads from Tenovi at once. */
    static final int MAX_PAGES = 50;
    private static final Logger log = LoggerFactory.getLogger(TenoviAccount.class);

    private final TenoviConnections connections;
    private final TenoviClient client;
    private final MeasurementPages pages;
    private final ReadingsReader reader;

    TenoviAccount(TenoviConnections connections, TenoviClient client, MeasurementPages pages, ReadingsReader reader) {
        this.connections = connections;
        this.client = client;
        this.pages = pages;
        this.reader = reader;
    }

    /** The device, or empty when Tenovi has no device with this id in the organization's account. */
    public Optional<AccountDevice> device(OrganizationId organization, String hwiDeviceId) {
        TenoviCredentials credentials = credentials(organization);
        try {
            return device(credentials, hwiDeviceId);
        } catch (TenoviUnavailable e) {
            throw unreachable(credentials, e);
        }
    }

    /** Every device in the account (up to {@link #MAX_PAGES} pages), in Tenovi's order. */
    public List<AccountDevice> devices(OrganizationId organization) {
        TenoviCredentials credentials = credentials(organization);
        try {
            return devices(credentials);
        } catch (TenoviUnavailable e) {
            throw unreachable(credentials, e);
        }
    }

    public boolean linked(OrganizationId organization) {
        return connections.credentials(organization).isPresent();
    }

    /** The device with an id, or empty when Tenovi does not know it (404). */
    public Optional<AccountDevice> device(TenoviCredentials credentials, String hwiDeviceId) {
        return client.device(credentials, hwiDeviceId).filter(d -> d.id() != null).map(AccountDevice::of);
    }

    /** Every device in the account (up to {@link #MAX_PAGES} pages), in Tenovi's order. */
    public List<AccountDevice> devices(TenoviCredentials credentials) {
        return client.allDevices(credentials, MAX_PAGES).stream().map(AccountDevice::of).toList();
    }

    /**
     * Reads a list page by page ({@code pageSize} readings, created at or after {@code createdFrom} when given, to
     * the second), handing each page to {@code page} in order; false when Tenovi does not know the list (404).
     */
    public boolean readings(TenoviCredentials credentials, ReadingFeed feed, Instant createdFrom, int pageSize,
                            Consumer<Readings> page) {
        String first = feed.path() + "?page=1&page_size=" + pageSize + (createdFrom == null ? ""
                : "&created__gte=" + DateTimeFormatter.ISO_INSTANT.format(createdFrom.truncatedTo(ChronoUnit.SECONDS)));
        return pages.walk(credentials, first, items -> page.accept(reader.page(feed, items)));
    }

    /** What one webhook body says; never fails: what cannot be read is kept among the rejections. */
    public Readings delivery(String body) {
        return reader.delivery(body);
    }

    public static ApiProblem notLinked() {
        return new ApiProblem(HttpStatus.CONFLICT, "not_linked",
                "No Tenovi account is linked to this organization. An org admin can link one under "
                        + "Organization Settings > Integrations.");
    }

    private TenoviCredentials credentials(OrganizationId organization) {
        return connections.credentials(organization).orElseThrow(TenoviAccount::notLinked);
    }

    private static ApiProblem unreachable(TenoviCredentials credentials, TenoviUnavailable e) {
        log.warn("Tenovi device lookup for {} failed: {}", credentials.clientDomain(), e.getMessage());
        return new ApiProblem(HttpStatus.BAD_GATEWAY, "tenovi_unreachable",
                "Couldn't reach Tenovi (" + e.getMessage() + "). Try again in a few minutes.");
    }
}
