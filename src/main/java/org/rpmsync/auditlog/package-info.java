/**
 * The audit log as staff read it: Organization Settings &gt; Audit log ({@code /settings/audit}, filtered, paged and
 * as CSV) and a client's Access history, the audit module's entries with staff, token and client names
 * ({@code AuditNames}) and plain-language actions. Exporting the log is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "organization", "web"})
package org.rpmsync.auditlog;
