/**
 * RPM billing: what a client's month can be billed for. RPM days (the local days of each client's month with data,
 * counted as readings reach their client and recounted when a client's time zone changes), RPM months with their CPT
 * bands and care-time codes (the organization's month page, its CSV, the API), the transmission log, and care time
 * (logged by hand or with an alert's acknowledgement, {@code AlertAcknowledged}; corrected within the month), shown
 * on the care card of a client's Reports with the month's acknowledged alerts. Owns {@code care_rpm_months},
 * {@code care_rpm_counts} and {@code care_time_entries}. Public surface: {@code RpmMonths}, {@code CareTime},
 * {@code ClientCare} and the records they return. Uses alerts, never the other way round.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"alerts", "measurements", "clients", "organization", "audit", "web"})
package org.rpmsync.billing;
