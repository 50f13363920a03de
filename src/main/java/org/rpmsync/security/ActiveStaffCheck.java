package org.rpmsync.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session at its next request once the account was deactivated or its role changed: the session
 * only holds who signed in, so every request checks the account row (one primary-key-sized lookup). This works
 * the same however many instances serve the sessions. (Deactivation also deletes the account's sessions at once:
 * {@link StaffSessions}.) Built by
 * {@link PageSecurity} (not a bean, so it runs only in the pages' filter chain).
 */
class ActiveStaffCheck extends OncePerRequestFilter {

    private final StaffAccounts staff;

    ActiveStaffCheck(StaffAccounts staff) {
        this.staff = staff;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal && !stillValid(principal)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            String login = request.getContextPath() + "/login?ended";
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", login);
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(StaffPrincipal principal) {
        return staff.login(principal.getUsername()).map(login -> {
            StaffMember member = login.member();
            return member.enabled() && member.role() == principal.role();
        }).orElse(false);
    }
}
