package org.rpmsync.organization;

import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An org admin changes a staff member's role and deactivates or reactivates the account. A deactivated account
 * keeps its row (and so its audit history) but cannot sign in, and its open sessions end on every instance
 * ({@link StaffDeactivated}; {@code security.ActiveStaffCheck} also checks the account at each request). Nobody changes or deactivates their own account, so an organization
 * never locks its last admin out by accident.
 */
@Service
public class StaffLifecycle {

    private final JdbcClient jdbc;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    StaffLifecycle(JdbcClient jdbc, StaffAccounts staff, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public StaffMember changeRole(Actor actor, OrganizationId organization, UUID id, Role role) {
        StaffMember member = othersAccount(actor, organization, id);
        if (role == null || role == Role.PLATFORM_ADMIN) {
            throw new OrganizationException("invalid_input", "role: choose ORG_ADMIN or PRACTITIONER");
        }
        jdbc.sql("update staff_users set role = ? where id = ?").params(role.name(), id).update();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "STAFF_ROLE_CHANGED", "staff",
                id.toString()).withDetail(member.role() + " to " + role));
        return staff.member(organization, id).orElseThrow();
    }

    @Transactional
    public StaffMember deactivate(Actor actor, OrganizationId organization, UUID id) {
        StaffMember member = switchActive(actor, organization, id, false, "STAFF_DEACTIVATED");
        events.publishEvent(new StaffDeactivated(organization, member.email()));
        return member;
    }

    @Transactional
    public StaffMember reactivate(Actor actor, OrganizationId organization, UUID id) {
        return switchActive(actor, organization, id, true, "STAFF_REACTIVATED");
    }

    private StaffMember switchActive(Actor actor, OrganizationId organization, UUID id, boolean active, String action) {
        othersAccount(actor, organization, id);
        jdbc.sql("update staff_users set enabled = ? where id = ?").params(active, id).update();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), action, "staff", id.toString()));
        return staff.member(organization, id).orElseThrow();
    }

    private StaffMember othersAccount(Actor actor, OrganizationId organization, UUID id) {
        StaffMember member = staff.member(organization, id)
                .orElseThrow(() -> new OrganizationException("not_found", "staff: no such staff member"));
        if (member.email().equals(actor.auditName())) {
            throw new OrganizationException("own_account", "staff: you cannot change your own role or access");
        }
        return member;
    }
}
