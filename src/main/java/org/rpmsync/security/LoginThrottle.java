package org.rpmsync.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins for one email (or five times as many
 * from one address) within the window, further attempts are refused with the same generic message until the
 * window has passed. Every failure and every refused attempt is audited.
 */
@Component
class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final AuditLog audit;

    LoginThrottle(@Value("${rpmsync.login.max-failures:5}") int maxFailures,
                  @Value("${rpmsync.login.lockout:15m}") Duration window, AuditLog audit) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.audit = audit;
    }

    Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && (request.getContextPath() + "/login").equals(request.getRequestURI()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            jakarta.servlet.FilterChain chain) throws java.io.IOException,
                    jakarta.servlet.ServletException {
                String email = normalize(request.getParameter("username"));
                if (blocked("user:" + email, maxFailures) || blocked("ip:" + request.getRemoteAddr(), maxFailures * 5)) {
                    audit.record(new AuditEntry(Instant.now(), null, email, "LOGIN_THROTTLED", "staff", null,
                            AuditEntry.Outcome.DENIED, null));
                    response.sendRedirect(request.getContextPath() + "/login?error");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String email = normalize(String.valueOf(event.getAuthentication().getPrincipal()));
        Instant now = Instant.now();
        remember("user:" + email, now);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            remember("ip:" + details.getRemoteAddress(), now);
        }
        audit.record(new AuditEntry(now, null, email, "LOGIN_FAILED", "staff", null, AuditEntry.Outcome.DENIED, null));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal staff) {
            failures.remove("user:" + normalize(staff.getUsername()));
            audit.record(AuditEntry.success(staff.organization().map(o -> o.value()).orElse(null),
                    staff.auditName(), "LOGIN", "staff", null));
        }
    }

    boolean blocked(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, Instant.now());
            return times.size() >= limit;
        }
    }

    private void remember(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.removeFirst();
        }
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
