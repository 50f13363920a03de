package org.rpmsync.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.MappingRejected;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.integrations.TenoviConnections;
import org.springframework.stereotype.Service;
import static org.rpmsync.enrollment.MappingPlan.DeviceAction;
import static org.rpmsync.enrollment.MappingPlan.PatientIdAction;

/**
 * Bulk mapping of Patient IDs and HWI devices from a file: {@link #preview} says per row what would change (nothing is
 * saved), {@link #apply} plans again against the current state and saves each row on its own, so one bad row never
 * holds back the others.
 */
@Service
class MappingImport {

    private final MappingPlanner planner;
    private final PatientIds patientIds;
    private final DeviceAssignments assignments;
    private final AuditLog audit;

    MappingImport(MappingPlanner planner, PatientIds patientIds, DeviceAssignments assignments, AuditLog audit) {
        this.planner = planner;
        this.patientIds = patientIds;
        this.assignments = assignments;
        this.audit = audit;
    }

    /** One applied row: its plan and what happened, as {@code applied}, {@code partly_applied}, {@code skipped}. */
    record Outcome(MappingPlan plan, String result, List<String> notes) {
    }

    /** The preview names clients, so it is audited ({@code TENOVI_MAPPING_PREVIEWED}). */
    List<MappingPlan> preview(Actor actor, List<MappingCsv.Row> rows) {
        List<MappingPlan> plans = planner.plan(actor.organizationId(), rows);
        record(actor, "TENOVI_MAPPING_PREVIEWED", rows.size() + " rows");
        return plans;
    }

    List<Outcome> apply(Actor actor, List<MappingCsv.Row> rows) {
        OrganizationId organization = actor.organizationId();
        List<Outcome> outcomes = new ArrayList<>();
        for (MappingPlan plan : planner.plan(organization, rows)) {
            outcomes.add(apply(organization, actor, plan));
        }
        record(actor, "TENOVI_MAPPING_APPLIED", outcomes.size() + " rows: " + outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::result, java.util.TreeMap::new, Collectors.counting())));
        return outcomes;
    }

    private void record(Actor actor, String action, String detail) {
        OrganizationId organization = actor.organizationId();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), action, TenoviConnections.TARGET,
                organization.toString()).withDetail(detail));
    }

    private Outcome apply(OrganizationId organization, Actor actor, MappingPlan plan) {
        List<String> notes = new ArrayList<>();
        if (!plan.found()) {
            return new Outcome(plan, "skipped", List.of(plan.clientProblem()));
        }
        int done = 0;
        int failed = 0;
        ClientId client = plan.client().id();
        if (plan.patientId() == PatientIdAction.SET) {
            try {
                patientIds.save(organization, actor, client, plan.row().patientId());
                notes.add("Patient ID set");
                done++;
            } catch (MappingRejected e) {
                notes.add(e.getMessage());
                failed++;
            }
        } else if (plan.patientIdDetail() != null) {
            notes.add(plan.patientIdDetail());
            failed += plan.patientId() == PatientIdAction.UNCHANGED ? 0 : 1;
        }
        for (MappingPlan.DevicePlan device : plan.devices()) {
            if (!device.changes()) {
                if (device.problem()) {
                    notes.add(device.detail());
                    failed++;
                }
                continue;
            }
            try {
                assignments.assign(organization, actor, client, device.device().details(), true);
                notes.add((device.action() == DeviceAction.MOVE ? "moved " : "added ") + device.hwiDeviceId());
                done++;
            } catch (MappingRejected e) {
                notes.add(e.getMessage());
                failed++;
            }
        }
        String result = failed == 0 ? (done == 0 ? "unchanged" : "applied") : done == 0 ? "error" : "partly_applied";
        return new Outcome(plan, result, notes);
    }
}
