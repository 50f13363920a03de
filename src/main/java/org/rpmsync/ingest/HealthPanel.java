package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.rpmsync.measurements.UnmatchedReadings;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.integrations.TenoviConnections;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The integration health panel on the Tenovi tile (an htmx fragment, refreshed every 30 s): deliveries today, last
 * delivery, deliveries refused in the last 24 h, invalid items, unmatched readings, inbox depth and lag, failed
 * deliveries (in plain words, see {@link ProcessingFailure}) with a button to process them again.
 */
@Controller
class HealthPanel {

    private final InboxState state;
    private final TenoviConnections connections;
    private final UnmatchedReadings unmatched;
    private final Inbox inbox;
    private final InboxWorker worker;
    private final JdbcClient jdbc;

    HealthPanel(InboxState state, TenoviConnections connections, UnmatchedReadings unmatched, Inbox inbox,
                InboxWorker worker, JdbcClient jdbc) {
        this.state = state;
        this.connections = connections;
        this.unmatched = unmatched;
        this.inbox = inbox;
        this.worker = worker;
        this.jdbc = jdbc;
    }

    /** A delivery that failed processing; {@code reason} is plain words and what to do, never technical detail. */
    record FailedDelivery(long id, Instant receivedAt, int attempts, String reason) {
    }

    @GetMapping("/settings/integrations/tenovi/health")
    String panel(@AuthenticationPrincipal Actor actor, Model model) {
        OrganizationId organization = actor.organizationId();
        Instant startOfDay = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        InboxState.OrganizationInbox mine = state.of(organization, startOfDay);
        model.addAttribute("inbox", mine);
        model.addAttribute("lag", mine.oldestPending() == null ? Duration.ZERO
                : Duration.between(mine.oldestPending(), Instant.now()));
        model.addAttribute("refused", connections.status(organization).refusedDeliveries());
        model.addAttribute("rejectedToday", unmatched.rejectedSince(organization, startOfDay));
        model.addAttribute("rejections", unmatched.rejections(organization, 5));
        model.addAttribute("unmatched", unmatched.count(organization));
        model.addAttribute("failed", failed(organization));
        return "ingest/partials/health";
    }

    @PostMapping("/settings/integrations/tenovi/inbox/{id}/retry")
    String retry(@AuthenticationPrincipal Actor actor, @PathVariable long id, RedirectAttributes flash) {
        if (!inbox.retry(actor.organizationId(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        worker.nudge(id);
        flash.addFlashAttribute("success", "Delivery " + id + " will be processed again.");
        return "redirect:/settings/integrations";
    }

    private List<FailedDelivery> failed(OrganizationId organization) {
        return jdbc.sql("select id, received_at, attempts, last_error from inbox_messages where organization_id = ? "
                        + "and status = 'FAILED' order by id desc limit 20")
                .param(organization.value())
                .query((rs, n) -> new FailedDelivery(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getInt("attempts"), ProcessingFailure.shown(rs.getString("last_error"))))
                .list();
    }
}
