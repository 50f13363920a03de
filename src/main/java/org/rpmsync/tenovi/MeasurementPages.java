package org.rpmsync.tenovi;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.rpmsync.cluster.PacedCalls;
import org.rpmsync.cluster.PacingUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Walks Tenovi's paginated measurement lists (reference §2.8): the first page, then each {@code next} verbatim until
 * it is null. Pacing, the 429 policy and the next-page rule are {@link TenoviClient}'s, as for every call (a walk
 * waits 429s out {@code max-429-retries} more times than a person would); 5xx, timeouts and resets are tried again up
 * to {@code max-retries} times. Whatever ends a walk early is a {@link TenoviUnavailable} saying why.
 */
@Component
class MeasurementPages {

    private static final Logger log = LoggerFactory.getLogger(MeasurementPages.class);

    private final TenoviClient client;
    private final RetryProperties retries;

    MeasurementPages(TenoviClient client, RetryProperties retries) {
        this.client = client;
        this.retries = retries;
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
                throw new TenoviUnavailable("Tenovi answered HTTP " + response.status() + " for a measurement page.",
                        null);
            }
            TenoviPayloads.ListPage listed = TenoviPayloads.listPage(response.body(),
                    "Tenovi sent a measurement page that is not JSON.");
            page.accept(listed.items());
            url = listed.next();
            first = false;
        }
        return true;
    }

    private TenoviResponse get(TenoviCredentials credentials, String url) {
        int failures = 0;
        Duration retry = retries.retryBackoff();
        while (true) {
            TenoviResponse response;
            try {
                response = client.page(credentials, url, retries.max429Retries());
            } catch (TenoviUnavailable e) {
                if (e.kind() != TenoviUnavailable.Kind.UNREACHABLE) {
                    throw e;
                }
                failures = failed(failures, e.getMessage(), retry);
                retry = retry.multipliedBy(2);
                continue;
            }
            int status = response.status();
            if (status == 401 || status == 403) {
                throw new TenoviUnavailable(TenoviUnavailable.Kind.KEY_REJECTED,
                        "Tenovi rejected the API key (HTTP " + status + ")");
            } else if (response.redirect()) {
                throw new TenoviUnavailable(TenoviUnavailable.Kind.CONFIGURATION, "Tenovi answered with a redirect (HTTP "
                        + status + "); it was not followed. Check the Tenovi base URL and client domain");
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
            throw new TenoviUnavailable(TenoviUnavailable.Kind.INTERRUPTED, "interrupted (the application is stopping)");
        }
        if (failures + 1 > retries.maxRetries()) {
            throw new TenoviUnavailable(TenoviUnavailable.Kind.GAVE_UP,
                    "Tenovi failed " + (failures + 1) + " times in a row (" + what + ")");
        }
        log.info("Tenovi call failed ({}); retry {} of {}", what, failures + 1, retries.maxRetries());
        try {
            PacedCalls.sleep(TenoviClient.jitter(wait));
        } catch (PacingUnavailable e) {
            throw TenoviUnavailable.of(e);
        }
        return failures + 1;
    }
}
