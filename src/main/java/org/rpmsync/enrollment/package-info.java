/**
 * Enrollment: putting clients and their Tenovi devices together — a client's Tenovi panel and its REST API (Patient
 * ID, devices), discovery of the devices in the clinic's Tenovi account, and the bulk mapping file (CSV import).
 * Devices are checked with Tenovi through {@code TenoviAccount}; the mapping itself is the clients module's.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenovi", "integrations", "clients", "organization", "audit", "web"})
package org.rpmsync.enrollment;
