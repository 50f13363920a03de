package org.rpmsync.auditlog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rpmsync.audit.AuditActions;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.audit.AuditQuery;
import org.rpmsync.audit.AuditSearch;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.organization.OrganizationException;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.organization.OrganizationTimes;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.web.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organization Settings &gt; Audit log: filtered by client, staff member, action and dates, newest first, paged,
 * and exported as CSV. A client's <em>Access history</em> is this page filtered to that client.
 */
@Controller
class AuditLogPages {

    static final int PAGE_SIZE = 50;
    static final int CSV_LIMIT = 100_000;
    private static final List<String> CSV_HEADER = List.of("When", "Who", "Account", "Action", "Action code",
            "Target", "Target id", "Outcome", "Detail");

    private final AuditSearch search;
    private final AuditRows rows;
    private final AuditLog audit;
    private final StaffAccounts staff;
    private final ApiTokens tokens;
    private final ClinicTime clock;

    AuditLogPages(AuditSearch search, AuditRows rows, AuditLog audit, StaffAccounts staff, ApiTokens tokens,
                  ClinicTime clock) {
        this.search = search;
        this.rows = rows;
        this.audit = audit;
        this.staff = staff;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/settings/audit")
    String page(@AuthenticationPrincipal Actor actor, AuditFilter filter, @RequestParam(defaultValue = "0") int page,
                Model model) {
        OrganizationId organization = actor.organizationId();
        int current = Math.max(page, 0);
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.queryString());
        model.addAttribute("times", clock.times(organization));
        model.addAttribute("people", people(organization));
        model.addAttribute("actions", AuditActions.all());
        model.addAttribute("thisMonth", LocalDate.now(clock.zone(organization)).withDayOfMonth(1).toString());
        model.addAttribute("page", current);
        try {
            AuditQuery query = filter.query(organization, clock.zone(organization));
            List<AuditEntry> found = search.find(query, current * PAGE_SIZE, PAGE_SIZE + 1);
            List<AuditRow> shown = rows.rows(organization, found.subList(0, Math.min(found.size(), PAGE_SIZE)));
            model.addAttribute("entries", shown);
            model.addAttribute("hasNext", found.size() > PAGE_SIZE);
            if (filter.client() != null) {
                model.addAttribute("clientName", rows.targetName(organization, "client", filter.client()));
            }
        } catch (OrganizationException e) {
            model.addAttribute("error", e);
            model.addAttribute("entries", List.of());
            model.addAttribute("hasNext", false);
        }
        return "auditlog/settings-audit";
    }

    @GetMapping("/settings/audit.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal Actor actor, AuditFilter filter) {
        OrganizationId organization = actor.organizationId();
        AuditQuery query;
        try {
            query = filter.query(organization, clock.zone(organization));
        } catch (OrganizationException e) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        List<AuditRow> found = rows.rows(organization, search.find(query, 0, CSV_LIMIT));
        OrganizationTimes times = clock.times(organization);
        StringBuilder csv = new StringBuilder(Csv.line(CSV_HEADER));
        found.forEach(r -> csv.append(Csv.line(List.of(times.precise(r.occurredAt()), r.who(), r.whoAccount(),
                r.action(), r.actionCode(), r.target(), r.targetId() == null ? "" : r.targetId(), r.outcome(),
                r.detail() == null ? "" : r.detail()))));
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "AUDIT_EXPORTED", "organization",
                organization.toString()).withDetail(found.size() + " rows"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The accounts one can filter by: the organization's staff, then its API tokens, by audited name. */
    private Map<String, String> people(OrganizationId organization) {
        Map<String, String> people = new LinkedHashMap<>();
        staff.members(organization).forEach(m -> people.put(m.email(), m.name() + " (" + m.email() + ")"));
        tokens.list(organization).forEach(t -> people.put(t.auditName(), "API token " + t.name()));
        return people;
    }
}
