/**
 * Clients: the clinic's patients, their {@code externalId} and rules, Tenovi Patient IDs, device assignments with
 * periods, device names and labels, and the pages under {@code /clients} (list, profile, forms). Public surface:
 * {@link org.rpmsync.clients.ClientId}, {@link org.rpmsync.clients.Client}, {@link org.rpmsync.clients.ClientDetails},
 * the {@link org.rpmsync.clients.ClientDirectory} facade (create, find, search, update, bulk upsert), and the device
 * mapping ({@code DeviceAssignments}, {@code DeviceNames}, {@code PatientIds}); the pages stay package-private. The
 * User Management API over it is the users module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "audit", "web"})
package org.rpmsync.clients;
