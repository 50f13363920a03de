/**
 * Alerts: what needs the care team's attention. Alert rules per organization and client ({@code AlertRules}),
 * alerts raised once per reading as it is given to its client ({@link org.rpmsync.measurements.ReadingsAttributed}),
 * {@code missed_doses} and {@code no_data} on schedule (once per condition, with each device's silence), the
 * <i>Needs attention</i> worklist and its badge, and acknowledging with a note and minutes, announced as
 * {@code AlertAcknowledged} (billing counts the minutes as care time). Owns {@code care_alert_rules},
 * {@code care_alerts}, {@code care_alert_readings}, {@code care_alert_conditions} and {@code care_device_seen}, and
 * the {@code rpmsync.care.*} switch ({@code CareSettings}). Public surface: the {@code Alerts} facade and the records
 * it returns, {@code AlertAcknowledged}, {@code CareNote} (the minutes/note rule), {@code CareSettings}. Knows nothing
 * of billing.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"measurements", "adherence", "clients", "organization", "audit", "web"})
package org.rpmsync.alerts;
