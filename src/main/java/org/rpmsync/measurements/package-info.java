/** Normalized readings: stored once each, attributed to clients, or parked as unmatched. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "clients", "audit", "web"})
package org.rpmsync.measurements;
