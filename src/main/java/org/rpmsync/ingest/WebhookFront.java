package org.rpmsync.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The front door for deliveries, the first filter of the servlet chain on {@code /webhooks/tenovi/*}: a request for
 * one webhook key is answered here by {@link WebhookEndpoint}, with the security headers of machine answers, and
 * goes no further. Anything else under the path (no key, more than one segment, characters a webhook key never
 * has) goes down the chain as before, to Spring Security's firewall and a 404 problem.
 * <p>
 * Why a door in front: a profile under load put two thirds of a delivery's request CPU in machinery it does not use
 * (the session, text and outage filters, Spring Security's chain selection and firewall, {@code DispatcherServlet}'s
 * locale, flash map and handler lookup). The endpoint does its own part of each: the secret check (constant time), the
 * body cap, problem+json answers and 503 with Retry-After when the database cannot take the delivery.
 */
final class WebhookFront extends HttpFilter {

    private final transient WebhookEndpoint endpoint;
    private final transient HeaderWriter headers;

    WebhookFront(WebhookEndpoint endpoint, HeaderWriter headers) {
        this.endpoint = endpoint;
        this.headers = headers;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = webhookKey(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        headers.writeHeaders(request, response);
        endpoint.receive(key, request, response);
    }

    /** The key after {@link WebhookEndpoint#PATH}, or null when the rest of the path is not one. */
    static String webhookKey(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + WebhookEndpoint.PATH;
        if (!uri.startsWith(prefix)) {
            return null;
        }
        if (uri.length() == prefix.length()) {
            return null;
        }
        for (int i = prefix.length(); i < uri.length(); i++) {
            if (!keyCharacter(uri.charAt(i))) {
                return null;
            }
        }
        return uri.substring(prefix.length());
    }

    /** The alphabet of the webhook keys we issue, URL-safe base64 (the key's length is judged with its secret). */
    private static boolean keyCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
