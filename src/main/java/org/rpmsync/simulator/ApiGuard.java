package org.rpmsync.simulator;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Tenovi does before any endpoint runs, in Django's order: append the slash (301), authenticate the
 * {@code Api-Key} (401), find the client domain (404), throttle per key (429).
 */
final class ApiGuard extends OncePerRequestFilter {

    private static final String API_KEY = "Api-Key ";

    private final SimulatorProperties properties;
    private final Fleet fleet;
    private final RateLimiter rateLimiter;

    ApiGuard(SimulatorProperties properties, Fleet fleet, RateLimiter rateLimiter) {
        this.properties = properties;
        this.fleet = fleet;
        this.rateLimiter = rateLimiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.endsWith("/")) {
            // Django's APPEND_SLASH: clients that follow it lose the Authorization header (reference §1.2).
            var query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getRequestURL() + "/" + (query == null ? "" : "?" + query));
            return;
        }
        var header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(API_KEY) || header.length() == API_KEY.length()) {
            reject(response, 401, "Authentication credentials were not provided.");
            return;
        }
        var rest = path.substring((properties.basePath() + "/clients/").length());
        var account = fleet.account(rest.substring(0, Math.max(0, rest.indexOf('/'))));
        if (account.isEmpty()) {
            // Tenovi's answer to an unknown client domain is undocumented (403 or 404); the simulator says 404.
            reject(response, 404, "Not found.");
            return;
        }
        var key = header.substring(API_KEY.length()).trim();
        if (!account.get().hasKey(key)) {
            reject(response, 401, "Invalid API key.");
            return;
        }
        var limit = properties.rateLimit();
        double perSecond = account.get().requestsPerSecond() != null
                ? account.get().requestsPerSecond() : limit.requestsPerSecond();
        if (perSecond > 0) {
            var wait = rateLimiter.acquire(key, perSecond, limit.burst());
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                if (limit.retryAfterHeader()) {
                    response.setHeader("Retry-After", Long.toString(seconds));
                }
                reject(response, 429, "Request was throttled. Expected available in " + seconds
                        + (seconds == 1 ? " second." : " seconds."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Api-Key");
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"detail\": \"" + detail + "\"}");
    }
}
