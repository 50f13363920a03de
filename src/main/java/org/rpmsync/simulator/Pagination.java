package org.rpmsync.simulator;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Tenovi's opt-in pagination (reference §2.8): without {@code page} a bare array; with it the DRF envelope, with
 * absolute {@code next}/{@code previous} URLs. ({@code previous} of page 2 keeps {@code page=1}, unlike DRF, so that a
 * client following it stays paginated.)
 */
final class Pagination {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private Pagination() {
    }

    static <T> ResponseEntity<Object> respond(List<T> items, HttpServletRequest request) {
        var page = request.getParameter("page");
        if (page == null) {
            return ResponseEntity.ok(items);
        }
        int size = Math.min(MAX_PAGE_SIZE, parse(request.getParameter("page_size"), DEFAULT_PAGE_SIZE));
        int pages = Math.max(1, (items.size() + size - 1) / size);
        int number = parse(page, -1);
        if (number < 1 || number > pages) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", "Invalid page."));
        }
        var results = items.subList((number - 1) * size, Math.min(items.size(), number * size));
        var next = number < pages ? url(request, number + 1) : null;
        var previous = number > 1 ? url(request, number - 1) : null;
        return ResponseEntity.ok(new TenoviPage<>(items.size(), next, previous, results));
    }

    private static String url(HttpServletRequest request, int page) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page).build().toUriString();
    }

    private static int parse(String value, int fallback) {
        try {
            int parsed = value == null ? fallback : Integer.parseInt(value.trim());
            return parsed < 1 && fallback > 0 ? fallback : parsed;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
