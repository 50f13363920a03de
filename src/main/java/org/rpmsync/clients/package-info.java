/**
 * Clients: the clinic's patients. Public surface: {@link org.rpmsync.clients.ClientId},
 * {@link org.rpmsync.clients.Client}, {@link org.rpmsync.clients.ClientDetails} and the
 * {@link org.rpmsync.clients.ClientDirectory} facade; the REST API (spec §4 users) and the pages under
 * {@code /clients} stay package-private.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "audit", "web"})
package org.rpmsync.clients;
