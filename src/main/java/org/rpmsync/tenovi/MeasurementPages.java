package org.rpmsync.tenovi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks Tenovi's paginated measurement lists (reference §2.8): the first page, then each {@code next} verbatim until
 * it is null. Pacing and the 429 policy are {@link TenoviClient}'s, as for every call; a call that gave up on 429s
 * is tried again up to {@code max-429-retries} times, 5xx, timeouts and resets up to {@code max-retries} times;
 * 401/403, redirects and other answers end the walk with a {@link SyncFailure}.
 */
@Component
class MeasurementPages {

    private static final Logger log = LoggerFactory.getLogger(MeasurementPages.class);

    private final TenoviClient client;
    private final SyncProperties sync;
    private final JsonMapper json = JsonMapper.builder().build();

    MeasurementPages(TenoviClient client, SyncProperties sync) {
        this.client = client;
        this.sync = sync;
    }

    /** Hands each page's items to {@code page} in order; false when Tenovi does not know the target (404). */
    boolean walk(TenoviCredentials credentials, String firstPage, Consumer<List<JsonNode>> page) {
        String url = firstPage;
        boolean first = true;
        while (url != null) {
            TenoviResponse response = get(credentials, url);
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

    private TenoviResponse get(TenoviCredentials credentials, String url) {
        int failures = 0;
        int throttled = 0;
        Duration retry = sync.retryBackoff();
        while (true) {
            TenoviResponse response;
            try {
                response = client.page(credentials, url);
            } catch (IllegalArgumentException e) {
                throw new SyncFailure("Configuration error: " + e.getMessage() + ".");
            } catch (TenoviThrottled e) {
                if (++throttled > sync.max429Retries()) {
                    throw new SyncFailure("Tenovi kept answering 429 (rate limited); the job resumes from its cursor.");
                }
                continue;
            } catch (TenoviUnavailable e) {
                failures = failed(failures, e.getMessage(), retry);
                retry = retry.multipliedBy(2);
                continue;
            }
            int status = response.status();
            if (status == 401 || status == 403) {
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
        if (Thread.currentThread().isInterrupted()) {
            throw new SyncFailure("The job was interrupted (the application is stopping); it resumes from its cursor.");
        }
        if (failures + 1 > sync.maxRetries()) {
            throw new SyncFailure("Tenovi failed " + (failures + 1) + " times in a row (" + what
                    + "); the job resumes from its last checkpoint next time.");
        }
        log.info("Tenovi call failed ({}); retry {} of {}", what, failures + 1, sync.maxRetries());
        try {
            RequestPacer.sleep(RequestPacer.jitter(wait));
        } catch (TenoviUnavailable interrupted) {
            throw new SyncFailure("The job was interrupted (the application is stopping); it resumes from its cursor.");
        }
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
}
