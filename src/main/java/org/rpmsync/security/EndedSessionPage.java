package org.rpmsync.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page opened with a session that no longer exists (idle timeout, signed out in another tab or on another
 * instance, account deactivated: its row is gone everywhere) leads to the sign-in page with a message saying so,
 * instead of a silent redirect; the stale cookie is dropped. Only page views (GET) of pages that need a sign-in: a form
 * posted without a session stays a 403 (CSRF), and the public pages open as they are. Built by {@link PageSecurity}.
 */
class EndedSessionPage extends OncePerRequestFilter {

    private static final RequestMatcher PUBLIC = new OrRequestMatcher(Arrays.stream(PageSecurity.PUBLIC)
            .map(p -> PathPatternRequestMatcher.withDefaults().matcher(p)).toArray(RequestMatcher[]::new));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid() && !PUBLIC.matches(request)) {
            String login = request.getContextPath() + "/login?expired";
            Cookie gone = new Cookie("SESSION", "");
            gone.setMaxAge(0);
            gone.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            gone.setHttpOnly(true);
            response.addCookie(gone);
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", login);
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
