package org.rpmsync.auditlog;

import java.time.Instant;

/**
 * One audit entry as a person reads it: names instead of ids and the action in plain words. {@code whoAccount}
 * and {@code targetId} keep the exact account and id for the CSV; {@code clientId} is set for client targets.
 */
record AuditRow(Instant occurredAt, String who, String whoAccount, String action, String actionCode,
                String target, String targetId, String clientId, String outcome, String detail) {
}
