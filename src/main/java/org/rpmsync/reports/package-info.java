/**
 * What practitioners read: a client's Reports and Dashboard tabs (vitals, medication, adherence, its changes and
 * the medication CSV) and the organization overview. Every view and export is audited. The data API and the FHIR
 * export for integrators are the {@code dataapi} and {@code fhir} modules.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"alerts", "billing", "adherence", "measurements", "clients", "organization", "audit",
                "web"})
package org.rpmsync.reports;
