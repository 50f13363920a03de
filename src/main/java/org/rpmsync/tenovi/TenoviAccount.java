package org.rpmsync.tenovi;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

    private final TenoviClient client;
    private final MeasurementPages pages;
    private final ReadingsReader reader;
    private final WebhookRegistrar registrar;

    public TenoviAccount(TenoviClient client, MeasurementPages pages, ReadingsReader reader, WebhookRegistrar registrar) {
        this.client = client;
        this.pages = pages;
        this.reader = reader;
        this.registrar = registrar;
    }

    /** Proves key and client domain with the cheapest documented call. */
    public ConnectionCheck check(TenoviCredentials credentials) {
        return client.check(credentials);
    }

    /**
     * Puts our webhook ({@code url}, the secret {@code authKey} in the {@code authHeader} header) into Tenovi for
     * every event, replacing our own stale registrations ({@link WebhookRegistrar}).
     */
    public WebhookRegistrar.Result registerWebhooks(TenoviCredentials credentials, String url, String authHeader,
                                                    String authKey) {
        return registrar.register(credentials, url, authHeader, authKey);
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
}
