/**
 * What practitioners and integrators read: a client's Reports and Dashboard tabs, the CSV and FHIR exports, the
 * measurements and adherence API (spec §5) and the organization overview. Every view and export is audited.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"care", "adherence", "measurements", "clients", "organization", "audit", "web"})
package org.rpmsync.reports;
