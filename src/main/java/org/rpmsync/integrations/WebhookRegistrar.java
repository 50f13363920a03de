package org.rpmsync.integrations;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.rpmsync.tenovi.AccountWebhook;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.tenovi.TenoviCredentials;
import org.rpmsync.tenovi.TenoviUnavailable;
import org.springframework.stereotype.Component;

/**
 * Puts our webhooks into Tenovi with a given secret, replacing our own stale registrations instead of adding more:
 * of the webhooks Tenovi lists at our URL, the first of each event gets the new secret (its id, which devices may
 * route to, stays), every further one is deleted, and a MEASUREMENT or FULFILLMENT webhook that is missing is
 * created. Webhooks at any other URL are left alone. A webhook Tenovi refuses to update is replaced.
 */
@Component
class WebhookRegistrar {

    static final List<String> EVENTS = List.of("MEASUREMENT", "FULFILLMENT");

    private final TenoviAccount account;

    WebhookRegistrar(TenoviAccount account) {
        this.account = account;
    }

    /** What was done in Tenovi, or at which HTTP status (0: no answer) it stopped. */
    record Result(boolean registered, int failedStatus, int updated, int removed, int created) {
    }

    /** Our webhook at {@code target}'s URL, with its secret, for every event. */
    Result register(TenoviCredentials credentials, AccountWebhook.Target target) {
        Counts counts = new Counts();
        try {
            Set<String> covered = new HashSet<>();
            AccountWebhook.Listing listing = account.webhooks(credentials);
            if (!listing.ok()) {
                throw new Refused(listing.status());
            }
            for (AccountWebhook webhook : listing.webhooks()) {
                if (!sameUrl(webhook.url(), target.url())) {
                    continue;
                }
                String event = webhook.event() == null ? "MEASUREMENT" : webhook.event().toUpperCase(Locale.ROOT);
                if (!covered.contains(event) && ok(account.saveWebhook(credentials, webhook.id(), event, target))) {
                    covered.add(event);
                    counts.updated++;
                } else {
                    counts.check(account.deleteWebhook(credentials, webhook.id()));
                    counts.removed++;
                }
            }
            for (String event : EVENTS) {
                if (!covered.contains(event)) {
                    counts.check(account.saveWebhook(credentials, null, event, target));
                    counts.created++;
                }
            }
            return new Result(true, 0, counts.updated, counts.removed, counts.created);
        } catch (Refused refused) {
            return new Result(false, refused.status, counts.updated, counts.removed, counts.created);
        } catch (TenoviUnavailable e) {
            return new Result(false, 0, counts.updated, counts.removed, counts.created);
        }
    }

    /** Same scheme, host and port (any case), same path and query (exactly), ignoring a trailing slash. */
    static boolean sameUrl(String endpoint, String ours) {
        if (endpoint == null) {
            return false;
        }
        try {
            URI a = URI.create(trim(endpoint));
            URI b = URI.create(trim(ours));
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                    && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                    && a.getRawPath().equals(b.getRawPath()) && Objects.equals(a.getRawQuery(), b.getRawQuery());
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    private static String trim(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    private static final class Counts {
        int updated;
        int removed;
        int created;

        void check(int status) {
            if (!ok(status) && status != 404) {
                throw new Refused(status);
            }
        }
    }

    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
