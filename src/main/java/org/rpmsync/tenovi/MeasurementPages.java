package org.rpmsync.tenovi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks Tenovi's paginated measurement lists (reference §2.8): the first page, then each {@code next} verbatim until
 * it is null. Every request is paced ({@link RequestPacer}); 429 backs off from {@code initial-429-backoff}, doubling,
 * honouring {@code Retry-After}, with jitter; 5xx, timeouts and resets are retried a bounded number of times;
 * 401/403, redirects and other answers end the walk with a {@link SyncFailure}.
 */
@Component
class MeasurementPages {

    private static final Logger log = LoggerFactory.getLogger(MeasurementPages.class);
    /** No single 429 back-off grows beyond this, so a job stays well inside its lease. */
    private static final Duration MAX_429_WAIT = Duration.ofSeconds(30);

    private final TenoviClient client;
    private final RequestPacer pacer;
    private final SyncProperties sync;
    private final TenoviProperties tenovi;
    private final JsonMapper json = JsonMapper.builder().build();

    MeasurementPages(TenoviClient client, RequestPacer pacer, SyncProperties sync, TenoviProperties tenovi) {
        this.client = client;
        this.pacer = pacer;
        this.sync = sync;
        this.tenovi = tenovi;
    }

    /** Hands each page's items to {@code page} in order; false when Tenovi does not know the target (404). */
    boolean walk(UUID organization, TenoviCredentials credentials, String firstPage, Consumer<List<JsonNode>> page) {
        String url = firstPage;
        boolean first = true;
        while (url != null) {
            TenoviResponse response = get(organization, credentials, url);
            if (response.status() == 404 && first) {
                return false;
            }
            if (!response.ok()) {
                throw new SyncFailure("Tenovi answered HTTP " + response.status() + " for a measurement page.");
            }
            JsonNode root = parse(response.body());
            List<JsonNode> items = new ArrayList<>();
            JsonNode results = root.isArray() ? root : root.path("results");
            results.forEach(items::add);
            page.accept(items);
            JsonNode next = root.isArray() ? null : root.get("next");
            url = next == null || next.isNull() || next.asString().isBlank() ? null : next.asString();
            first = false;
        }
        return true;
    }

    private TenoviResponse get(UUID organization, TenoviCredentials credentials, String url) {
        int failures = 0;
        int throttled = 0;
        Duration retry = sync.retryBackoff();
        Duration backoff = tenovi.initial429Backoff();
        while (true) {
            pacer.pace(organization);
            TenoviResponse response;
            try {
                response = client.getOnce(credentials, url);
            } catch (IllegalArgumentException e) {
                throw new SyncFailure("Configuration error: " + e.getMessage() + ".");
            } catch (TenoviUnavailable e) {
                failures = failed(failures, e.getMessage(), retry);
                retry = retry.multipliedBy(2);
                continue;
            }
            int status = response.status();
            if (status == 429) {
                if (++throttled > sync.max429Retries()) {
                    throw new SyncFailure("Tenovi kept answering 429 (rate limited); the job resumes from its cursor.");
                }
                Duration wait = RequestPacer.jitter(min(max(TenoviClient.retryAfter(response).orElse(Duration.ZERO),
                        backoff), Duration.ofMinutes(2)));
                log.info("Tenovi answered 429 for {}; holding the key for {} ms", credentials.clientDomain(), wait.toMillis());
                pacer.holdOff(organization, wait);
                backoff = min(backoff.multipliedBy(2), MAX_429_WAIT);
            } else if (status == 401 || status == 403) {
                throw new SyncFailure("Tenovi rejected the API key (HTTP " + status + "). Jobs are paused until the key "
                        + "is fixed in Organization Settings > Integrations.", true);
            } else if (response.redirect()) {
                throw new SyncFailure("Configuration error: Tenovi answered with a redirect (HTTP " + status
                        + "); it was not followed. Check the Tenovi base URL and client domain.");
            } else if (status >= 500) {
                failures = failed(failures, "HTTP " + status, retry);
                retry = retry.multipliedBy(2);
            } else {
                return response;
            }
        }
    }

    private int failed(int failures, String what, Duration wait) {
        if (failures + 1 > sync.maxRetries()) {
            throw new SyncFailure("Tenovi failed " + (failures + 1) + " times in a row (" + what
                    + "); the job resumes from its last checkpoint next time.");
        }
        log.info("Tenovi call failed ({}); retry {} of {}", what, failures + 1, sync.maxRetries());
        RequestPacer.sleep(RequestPacer.jitter(wait));
        return failures + 1;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode root = json.readTree(body);
            if (root != null && (root.isArray() || root.isObject())) {
                return root;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new SyncFailure("Tenovi sent a measurement page that is not JSON.");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
