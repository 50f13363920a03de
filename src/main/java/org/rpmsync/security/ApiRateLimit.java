package org.rpmsync.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-token request budget (a token bucket per token, in this instance): one flooding token gets 429 with
 * {@code Retry-After} while other tokens and organizations are unaffected.
 */
class ApiRateLimit extends OncePerRequestFilter {

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final double burst;
    private final ProblemResponses problems;

    ApiRateLimit(double perSecond, double burst, ProblemResponses problems) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TokenPrincipal principal) {
            Bucket bucket = buckets.computeIfAbsent(principal.token().id(), id -> new Bucket(burst));
            if (!bucket.take(perSecond, burst, System.nanoTime())) {
                problems.tooManyRequests(response, 1);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean take(double perSecond, double burst, long nowNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - updatedNanos) / 1e9 * perSecond);
            updatedNanos = nowNanos;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
