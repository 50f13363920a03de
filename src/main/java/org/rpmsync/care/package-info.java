/**
 * The care team's worklist: alert rules per organization and client, alerts raised once per reading in the write
 * path that stores it once ({@link org.rpmsync.measurements.ReadingsAttributed}), their acknowledgement, and the
 * care time staff log. Public surface: the {@code Alerts} facade and the records it returns.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"measurements", "adherence", "clients", "organization", "audit", "web"})
package org.rpmsync.care;
