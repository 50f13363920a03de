package org.rpmsync.tenovi;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rpmsync.tenovi.*}: where Tenovi's API is and how patiently we talk to it.
 *
 * @param baseUrl            Tenovi's API host (no trailing slash needed)
 * @param connectTimeout     TCP/TLS connect timeout
 * @param readTimeout        how long to wait for an answer
 * @param initial429Backoff  first wait after a 429 without {@code Retry-After}; doubled each time
 * @param max429Wait         total time we are willing to wait on 429s for one call before giving up
 * @param webhookAuthHeader  the header name Tenovi is told to send the webhook secret in
 * @param requestInterval    for every call {@link TenoviClient} makes with one API key, across all instances: how long
 *                           after the previous answer the next request may leave
 */
@ConfigurationProperties("rpmsync.tenovi")
public record TenoviProperties(
        @DefaultValue("https://api2.tenovi.com") URI baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2s") Duration initial429Backoff,
        @DefaultValue("30s") Duration max429Wait,
        @DefaultValue("Authorization") String webhookAuthHeader,
        @DefaultValue("1050ms") Duration requestInterval) {

    /** The base URL without a trailing slash, so that paths can always start with one. */
    public String base() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
