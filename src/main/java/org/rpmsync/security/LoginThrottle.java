package org.rpmsync.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.cluster.RateLimit;
import org.rpmsync.cluster.SharedLimits;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing, across every instance: after {@code max-failures} failed sign-ins for one email (or
 * five times as many from one address), further attempts are refused with the same generic message, and one more
 * is allowed each {@code lockout / max-failures} (the failures of the last {@code lockout} count). The counts are
 * shared buckets ({@link SharedLimits}), so failures spread over instances add up; a successful sign-in clears the
 * account's. Every failure and every refused attempt is audited.
 */
@Component
class LoginThrottle {

    private final RateLimit perAccount;
    private final RateLimit perAddress;
    private final SharedLimits limits;
    private final AuditLog audit;

    LoginThrottle(SignInSettings settings, SharedLimits limits, AuditLog audit) {
        this.perAccount = RateLimit.per("sign-in-account", settings.maxFailures(), settings.lockout());
        this.perAddress = RateLimit.per("sign-in-address", settings.maxFailures() * 5, settings.lockout());
        this.limits = limits;
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
                if (limits.exhausted(perAccount, email) || limits.exhausted(perAddress, request.getRemoteAddr())) {
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
        limits.count(perAccount, email);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            limits.count(perAddress, details.getRemoteAddress());
        }
        audit.record(new AuditEntry(now, null, email, "LOGIN_FAILED", "staff", null, AuditEntry.Outcome.DENIED, null));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal staff) {
            limits.reset(perAccount, normalize(staff.getUsername()));
            audit.record(AuditEntry.success(staff.organization().map(o -> o.value()).orElse(null),
                    staff.auditName(), "LOGIN", "staff", null));
        }
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
