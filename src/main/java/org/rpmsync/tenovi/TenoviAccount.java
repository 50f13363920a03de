package org.rpmsync.tenovi;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The clinic's Tenovi account in our vocabulary, the one way other modules use it: its devices
 * ({@link AccountDevice}), its readings ({@link Readings}, from a list or from a webhook body), its webhooks
 * ({@link AccountWebhook}) and a check of its key. Every call goes through {@link TenoviClient}, paced with
 * everything else; a call that gets no usable answer is a {@link TenoviUnavailable} saying why.
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

    public TenoviAccount(TenoviClient client, MeasurementPages pages, ReadingsReader reader) {
        this.client = client;
        this.pages = pages;
        this.reader = reader;
    }

    /** Proves key and client domain with the cheapest documented call. */
    public ConnectionCheck check(TenoviCredentials credentials) {
        return client.check(credentials);
    }

    /** The webhooks configured in the account (a bare list or followed pages), or Tenovi's refusal's status. */
    public AccountWebhook.Listing webhooks(TenoviCredentials credentials) {
        return client.webhooks(credentials);
    }

    /**
     * Our webhook for {@code event}, sent to {@code target}: webhook {@code id} gets these values, or a new one is
     * created when {@code id} is null. Returns Tenovi's HTTP status.
     */
    public int saveWebhook(TenoviCredentials credentials, String id, String event, AccountWebhook.Target target) {
        var registration = new TenoviWebhookRegistration(target.url(), event, target.authHeader(), target.authKey(),
                true);
        return (id == null ? client.registerWebhook(credentials, registration)
                : client.updateWebhook(credentials, id, registration)).status();
    }

    /** Removes webhook {@code id} from the account; returns Tenovi's HTTP status. */
    public int deleteWebhook(TenoviCredentials credentials, String id) {
        return client.deleteWebhook(credentials, id).status();
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
