package org.rpmsync.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge check of every request's text (query string, form fields, parameter names), before security or any
 * controller reads it: the query must be valid UTF-8 percent-encoding and every name and value
 * {@link StorableText storable}. A request that fails is refused as a whole and says which field and why:
 * problem+json (400 {@code bad_request} for encoding, 422 {@code invalid_input} for a field) on machine paths; on
 * pages, back to the form with the message beside the field ({@link BackToTheForm}), else the app's 400 page. JSON bodies get the same rule from {@link StorableStrings}.
 */
class RequestText extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!validPercentEncoding(request.getQueryString())) {
            refuse(request, response, 400, "The query string is not valid UTF-8 percent-encoding.");
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            String type = request.getContentType();
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                // An upload over its size limit: the controller's own handling says so.
                chain.doFilter(request, response);
                return;
            }
            refuse(request, response, 400, "The form or query could not be read as UTF-8 text.");
            return;
        }
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            String field = StorableText.escaped(p.getKey());
            String problem = StorableText.problem(p.getKey());
            for (String value : p.getValue()) {
                problem = problem != null ? problem : StorableText.problem(value);
            }
            if (problem != null) {
                if (!ErrorAnswers.machinePath(request.getRequestURI())
                        && BackToTheForm.redirect(request, response, p.getKey(), problem, parameters)) {
                    return;
                }
                refuse(request, response, 422, field + ": " + problem
                        + ", which cannot be stored. Remove it and send again.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        if (ErrorAnswers.machinePath(request.getRequestURI())) {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ErrorAnswers.problemJson(status, ErrorAnswers.code(status), reason));
            return;
        }
        request.setAttribute(ErrorAnswers.REASON, reason);
        response.sendError(400);
    }

    /** Whether every %XX sequence of the raw query decodes, with the other bytes, to valid UTF-8. */
    static boolean validPercentEncoding(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) Integer.parseInt(query.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c <= 0xFF) {
                bytes.put((byte) c);
            } else {
                return true;
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
