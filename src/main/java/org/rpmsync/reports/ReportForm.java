package org.rpmsync.reports;

/**
 * The Reports tab's search: text over sources and types, a range (all, today, 7d, 30d, 90d, custom), a page.
 * The page is read leniently (not a number: the first page) and capped, so no page number can overflow an offset.
 */
record ReportForm(String q, String range, String from, String to, String page) {

    static final int MAX_PAGE = 100_000;

    ReportForm {
        q = q == null ? "" : q.strip();
        range = range == null || range.isBlank() ? "all" : range;
    }

    int pageNumber() {
        try {
            return page == null ? 0 : Math.max(0, Math.min(MAX_PAGE, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return page.strip().matches("\\d+") ? MAX_PAGE : 0;
        }
    }
}
