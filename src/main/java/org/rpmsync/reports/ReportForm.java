package org.rpmsync.reports;

/** The Reports tab's search: text over sources and types, a range (all, today, 7d, 30d, 90d, custom), a page. */
record ReportForm(String q, String range, String from, String to, Integer page) {

    ReportForm {
        q = q == null ? "" : q.strip();
        range = range == null || range.isBlank() ? "all" : range;
        page = page == null || page < 0 ? 0 : page;
    }
}
