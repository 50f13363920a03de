package org.rpmsync.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page form (or search) whose text cannot be stored goes back to the page it came from, with the reason shown
 * beside the field at fault and what was typed put back (the odd characters written as {@code \\uXXXX}, passwords
 * never echoed); nothing was saved. The page's layout carries the flash attribute {@code textProblem}, and
 * {@code app.js} moves its message beside the field. Only for a same-origin Referer; else the 400 page says it.
 */
final class BackToTheForm {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    private BackToTheForm() {
    }

    /** Redirects to the form with the problem; false when there is no page of ours to go back to. */
    static boolean redirect(HttpServletRequest request, HttpServletResponse response, String field, String reason,
                            Map<String, String[]> parameters) {
        URI back = sameOrigin(request);
        if (back == null) {
            return false;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (values.length > 0 && !lower.contains("password") && !lower.startsWith("_csrf")) {
                typed.put(StorableText.escaped(name), StorableText.escaped(values[0]));
            }
        });
        FlashMap flash = new FlashMap();
        flash.put("textProblem", Map.of("field", StorableText.escaped(field), "message",
                "Not saved: this field " + reason + ", which cannot be stored (shown here as \\u0000-style code). "
                        + "Remove it and send again.", "values", JSON.writeValueAsString(typed)));
        flash.setTargetRequestPath(back.getRawPath());
        FLASH.saveOutputFlashMap(flash, request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", back.toString());
        return true;
    }

    private static URI sameOrigin(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || request.getSession(false) == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            boolean ours = request.getServerName().equalsIgnoreCase(uri.getHost())
                    && (uri.getPort() == -1 ? 80 : uri.getPort()) == request.getServerPort();
            return ours && uri.getRawPath() != null && !uri.getRawPath().startsWith("/api/") ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
