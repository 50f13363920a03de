package org.rpmsync.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rpmsync.cluster.RateLimit;
import org.rpmsync.cluster.SharedLimits;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-token request budget, across every instance (a shared token bucket per token, {@link SharedLimits}): one
 * flooding token gets 429 with {@code Retry-After} while other tokens and organizations are unaffected.
 */
class ApiRateLimit extends OncePerRequestFilter {

    private final SharedLimits limits;
    private final RateLimit budget;
    private final ProblemResponses problems;

    ApiRateLimit(SharedLimits limits, RateLimit budget, ProblemResponses problems) {
        this.limits = limits;
        this.budget = budget;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TokenPrincipal principal
                && !limits.take(budget, principal.token().id().toString())) {
            problems.tooManyRequests(response, 1);
            return;
        }
        chain.doFilter(request, response);
    }
}
