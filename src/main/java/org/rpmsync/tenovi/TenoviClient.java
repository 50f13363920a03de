package org.rpmsync.tenovi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.rpmsync.cluster.PacedCalls;
import org.rpmsync.cluster.PacingUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Tenovi's HWI API. Every call sends {@code Authorization: Api-Key <key>} to a path ending in {@code /}, never
 * follows a redirect (Tenovi drops the key on redirects; any 3xx is a configuration error) and has connect and read
 * timeouts. Every request, whatever method sends it, holds its API key's shared turn from the cluster's {@link PacedCalls}
 * (one request at a time per key across all instances, {@code request-interval} after the previous answer); the one 429
 * policy lives here too: the key is held back for everyone for {@code Retry-After} or the back-off (from
 * {@code initial-429-backoff}, doubling, with jitter), and a call gives up with {@link TenoviThrottled} beyond
 * {@code max-429-wait} in total (a page walk, which has nobody waiting on it, starts that wait again up to
 * {@code max-429-retries} times). One rule decides which {@code next} links are followed ({@link #nextPage}). The
 * answers are read by {@link TenoviPayloads}. The key never appears in a log line or exception.
 */
@Component
public class TenoviClient {

    private static final Logger log = LoggerFactory.getLogger(TenoviClient.class);
    private static final int MAX_BODY = 64 * 1024;
    /** A page of up to 100 devices with their patient blocks is larger than an ordinary answer. */
    private static final int MAX_LIST_BODY = 4 * 1024 * 1024;
    private static final int DEVICE_PAGE_SIZE = 100;
    private static final int MAX_PAGE = 8 * 1024 * 1024;

    static final String OUTSIDE = "Tenovi pointed to a page outside the configured base URL";

    private final TenoviProperties properties;
    private final PacedCalls pacing;
    private final PacedCalls.Pace pace;
    private final RestClient rest;

    public TenoviClient(TenoviProperties properties, RestClient.Builder builder, PacedCalls pacing) {
        this.properties = properties;
        this.pacing = pacing;
        this.pace = new PacedCalls.Pace(properties.requestInterval(),
                properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1));
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        this.rest = builder.requestFactory(factory).build();
    }

    /** Proves key and client domain with the cheapest documented call: one page of one device. */
    public ConnectionCheck check(TenoviCredentials credentials) {
        TenoviResponse response;
        try {
            response = send(credentials, HttpMethod.GET, "hwi/hwi-devices/?page=1&page_size=1", null);
        } catch (TenoviUnavailable e) {
            log.warn("Tenovi check for {} failed: {}", credentials.clientDomain(), e.getMessage());
            return new ConnectionCheck(ConnectionCheck.Result.UNREACHABLE, e instanceof TenoviThrottled ? 429 : 0);
        }
        int status = response.status();
        ConnectionCheck.Result result;
        if (response.ok()) {
            result = ConnectionCheck.Result.CONNECTED;
        } else if (status == 401 || status == 403) {
            result = ConnectionCheck.Result.REJECTED;
        } else if (status == 404) {
            result = ConnectionCheck.Result.UNKNOWN_CLIENT_DOMAIN;
        } else if (response.redirect()) {
            result = ConnectionCheck.Result.REDIRECTED;
        } else {
            result = ConnectionCheck.Result.UNREACHABLE;
        }
        log.info("Tenovi check for {}: HTTP {} -> {}", credentials.clientDomain(), status, result);
        return new ConnectionCheck(result, status);
    }

    /** Creates a webhook in Tenovi ({@code POST hwi/webhooks/}); returns Tenovi's answer as is. */
    TenoviResponse registerWebhook(TenoviCredentials credentials, TenoviWebhookRegistration registration) {
        return send(credentials, HttpMethod.POST, "hwi/webhooks/", registration);
    }

    /**
     * The webhooks configured in Tenovi ({@code GET hwi/webhooks/}): a bare array, or DRF pages whose {@code next} is
     * followed (at most 20). A non-2xx answer is returned as its status with no webhooks; {@link TenoviUnavailable}
     * when Tenovi never answered or sent something unreadable.
     */
    AccountWebhook.Listing webhooks(TenoviCredentials credentials) {
        List<AccountWebhook> webhooks = new ArrayList<>();
        int status = list(credentials, uri(credentials, "hwi/webhooks/"), MAX_BODY, 20,
                item -> webhooks.add(TenoviPayloads.item(item, TenoviWebhook.class).account()));
        return new AccountWebhook.Listing(status, status >= 200 && status < 300 ? webhooks : List.of());
    }

    /** Gives an existing webhook new values ({@code PATCH hwi/webhooks/{id}/}); returns Tenovi's answer as is. */
    TenoviResponse updateWebhook(TenoviCredentials credentials, String id, TenoviWebhookRegistration registration) {
        return send(credentials, HttpMethod.PATCH, "hwi/webhooks/" + webhookId(id) + "/", registration);
    }

    /** Removes a webhook ({@code DELETE hwi/webhooks/{id}/}); returns Tenovi's answer as is. */
    TenoviResponse deleteWebhook(TenoviCredentials credentials, String id) {
        return send(credentials, HttpMethod.DELETE, "hwi/webhooks/" + webhookId(id) + "/", null);
    }

    private static String webhookId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new TenoviUnavailable("Tenovi listed a webhook with an unusable id", null);
        }
        return id;
    }

    /**
     * One HWI device ({@code GET hwi/hwi-devices/{id}/}); empty when Tenovi answers 404 (no such device in this
     * account). {@link TenoviUnavailable} when Tenovi cannot be reached or answers anything else.
     */
    public Optional<TenoviDevice> device(TenoviCredentials credentials, String hwiDeviceId) {
        if (hwiDeviceId == null || !hwiDeviceId.matches("[A-Za-z0-9._-]{1,64}")) {
            return Optional.empty();
        }
        TenoviResponse response = send(credentials, HttpMethod.GET, "hwi/hwi-devices/" + hwiDeviceId + "/", null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(TenoviPayloads.answer(response, TenoviDevice.class));
    }

    /**
     * Every HWI device of the account, 100 a page, all statuses, following {@code next} from page 1 for at most
     * {@code maxPages} pages; {@link TenoviUnavailable} for any answer but 2xx.
     */
    public List<TenoviDevice> allDevices(TenoviCredentials credentials, int maxPages) {
        List<TenoviDevice> devices = new ArrayList<>();
        URI first = uri(credentials, "hwi/hwi-devices/?page=1&page_size=" + DEVICE_PAGE_SIZE);
        int status = list(credentials, first, MAX_LIST_BODY, maxPages,
                item -> devices.add(TenoviPayloads.item(item, TenoviDevice.class)));
        if (status < 200 || status >= 300) {
            throw new TenoviUnavailable("HTTP " + status + " from Tenovi", null);
        }
        return devices;
    }

    /**
     * The one walk of a list: each item of each page, from {@code first} along {@code next} ({@link #nextPage}) for
     * at most {@code maxPages} pages, to {@code item}. Returns the HTTP status of the last page asked for (the walk
     * stops at the first answer that is not 2xx).
     */
    private int list(TenoviCredentials credentials, URI first, int limit, int maxPages, Consumer<JsonNode> item) {
        TenoviResponse response = call(credentials, HttpMethod.GET, first, null, limit, 0);
        for (int page = 1; response.ok(); page++) {
            TenoviPayloads.ListPage listed = TenoviPayloads.listPage(response.body(),
                    "Tenovi sent an answer we could not read");
            listed.items().forEach(item);
            if (listed.next() == null || page >= maxPages) {
                break;
            }
            response = call(credentials, HttpMethod.GET, nextPage(credentials, listed.next()), null, limit, 0);
        }
        return response.status();
    }

    /**
     * The one rule for a {@code next} link, of any list: it is followed verbatim (Tenovi's host may differ from ours,
     * {@code api.tenovi.com} vs {@code api2}) when it lies below this organization's {@code /clients/{domain}/} on our
     * base URL's origin or on an https host under {@code tenovi.com}, without user info. Anything else is refused
     * ({@link TenoviUnavailable.Kind#CONFIGURATION}) and never requested: the API key goes nowhere else.
     */
    URI nextPage(TenoviCredentials credentials, String next) {
        URI uri;
        try {
            uri = URI.create(next);
        } catch (IllegalArgumentException e) {
            throw new TenoviUnavailable(TenoviUnavailable.Kind.CONFIGURATION, "Tenovi sent an unusable next-page link");
        }
        URI base = properties.baseUrl();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean sameOrigin = Objects.equals(uri.getScheme(), base.getScheme())
                && host.equalsIgnoreCase(base.getHost()) && uri.getPort() == base.getPort();
        boolean tenovi = "https".equals(uri.getScheme()) && (host.equals("tenovi.com") || host.endsWith(".tenovi.com"));
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String own = (sameOrigin ? basePath : "") + "/clients/" + credentials.clientDomain() + "/";
        boolean below = uri.getRawPath() != null && uri.getRawPath().startsWith(own) && !uri.getRawPath().contains("/../");
        if (uri.getUserInfo() != null || !(sameOrigin || tenovi) || !below) {
            throw new TenoviUnavailable(TenoviUnavailable.Kind.CONFIGURATION, OUTSIDE);
        }
        return uri;
    }

    private URI uri(TenoviCredentials credentials, String pathAndQuery) {
        String path = pathAndQuery.split("\\?", 2)[0];
        if (!path.endsWith("/") || pathAndQuery.startsWith("/")) {
            throw new TenoviUnavailable(TenoviUnavailable.Kind.CONFIGURATION,
                    "Tenovi paths are relative and end with '/': " + path);
        }
        return URI.create(properties.base() + "/clients/" + credentials.clientDomain() + "/" + pathAndQuery);
    }

    /**
     * One call below {@code {base}/clients/{clientDomain}/}. {@code pathAndQuery} must end in {@code /} before
     * any query. Non-2xx answers are returned, not thrown; {@link TenoviUnavailable} when Tenovi never answered.
     */
    TenoviResponse send(TenoviCredentials credentials, HttpMethod method, String pathAndQuery, Object body) {
        return call(credentials, method, uri(credentials, pathAndQuery), body, MAX_BODY, 0);
    }

    /**
     * The one 429 policy: while Tenovi answers 429 the key is held back for everyone and the call sent again, for
     * up to {@code max-429-wait} in total, which {@code extraRounds} more times starts over (a page walk's patience);
     * then {@link TenoviThrottled}.
     */
    private TenoviResponse call(TenoviCredentials credentials, HttpMethod method, URI uri, Object body, int limit,
                                int extraRounds) {
        for (int round = 0; ; round++) {
            Duration waited = Duration.ZERO;
            Duration backoff = properties.initial429Backoff();
            while (true) {
                TenoviResponse response = once(credentials, method, uri, body, limit);
                if (response.status() != 429) {
                    return response;
                }
                Duration wait = jitter(max(retryAfter(response).orElse(Duration.ZERO), backoff));
                if (waited.plus(wait).compareTo(properties.max429Wait()) > 0) {
                    break;
                }
                log.info("Tenovi answered 429 for {}; holding the key for {} ms", credentials.clientDomain(),
                        wait.toMillis());
                pacing.holdOff(credentials.apiKey(), wait);
                waited = waited.plus(wait);
                backoff = backoff.multipliedBy(2);
            }
            if (round >= extraRounds) {
                throw new TenoviThrottled("429 from Tenovi after waiting " + waited.toMillis() + " ms");
            }
        }
    }

    /**
     * One GET of a measurement page, paced and with the 429 policy like every call, patient as a page walk
     * ({@code extraRounds}): a relative path as for {@link #send}, or a page's {@code next} ({@link #nextPage}).
     */
    TenoviResponse page(TenoviCredentials credentials, String pathOrUrl, int extraRounds) {
        boolean absolute = pathOrUrl.regionMatches(true, 0, "http://", 0, 7)
                || pathOrUrl.regionMatches(true, 0, "https://", 0, 8);
        URI uri = absolute ? nextPage(credentials, pathOrUrl) : uri(credentials, pathOrUrl);
        return call(credentials, HttpMethod.GET, uri, null, MAX_PAGE, extraRounds);
    }

    /** The only place a request leaves: holding the key's shared turn ({@link PacedCalls}), whoever calls. */
    private TenoviResponse once(TenoviCredentials credentials, HttpMethod method, URI uri, Object body, int limit) {
        try {
            return pacing.paced(credentials.apiKey(), pace, () -> exchange(credentials, method, uri, body, limit));
        } catch (PacingUnavailable e) {
            throw TenoviUnavailable.of(e);
        }
    }

    private TenoviResponse exchange(TenoviCredentials credentials, HttpMethod method, URI uri, Object body, int limit) {
        try {
            RestClient.RequestBodySpec request = rest.method(method).uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Api-Key " + credentials.apiKey())
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, res) -> new TenoviResponse(res.getStatusCode().value(),
                    read(res.getBody(), limit), res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        } catch (RestClientException e) {
            Throwable cause = e.getMostSpecificCause();
            log.warn("Calling Tenovi for {} failed: {}", credentials.clientDomain(), cause.getClass().getName());
            throw new TenoviUnavailable(cause instanceof java.net.http.HttpTimeoutException
                    ? "Tenovi did not answer in time" : "the connection to Tenovi failed", null);
        }
    }

    private static String read(InputStream in, int limit) throws IOException {
        return in == null ? "" : new String(in.readNBytes(limit), StandardCharsets.UTF_8);
    }

    static Optional<Duration> retryAfter(TenoviResponse response) {
        String value = response.retryAfter();
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    /** {@code base} plus up to a quarter of it at random, so that instances do not retry in step. */
    static Duration jitter(Duration base) {
        long millis = Math.max(1, base.toMillis());
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 4 + 1));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
