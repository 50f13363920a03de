/**
 * The data API for integrators (spec §5): a client's readings, newest first with keyset paging by an opaque cursor
 * ({@code /api/v1/users/{id}/measurements}), and its adherence day by day ({@code /api/v1/users/{id}/adherence}).
 * Public surface: {@link org.rpmsync.dataapi.ApiParameters}, how these requests (and the FHIR export's) read the
 * client and {@code from}/{@code to}. Every call is audited as a view of the client.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"adherence", "measurements", "clients", "organization", "web"})
package org.rpmsync.dataapi;
