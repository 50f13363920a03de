package org.rpmsync.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word on a request whose database is down or stalled when the failure escapes everything else (a
 * security filter looking up a token, a session, a throttle): 503 with Retry-After — problem+json on machine
 * paths, the app's 503 page elsewhere — instead of a 500.
 */
class UnavailableRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnavailableRequests.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!ErrorAnswers.databaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database did not answer in time for {} ({})", request.getMethod(), e.getClass().getSimpleName());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, ErrorAnswers.RETRY_AFTER_SECONDS);
            if (ErrorAnswers.machinePath(request.getRequestURI())) {
                response.setStatus(503);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(ErrorAnswers.problemJson(503, "unavailable",
                        "We cannot reach our database right now. Please retry."));
            } else {
                response.sendError(503);
            }
        }
    }
}
