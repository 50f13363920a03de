/**
 * The User Management API (spec §4, {@code /api/v1/users}): integrators create, list, find, update and bulk-upsert
 * clients with an organization token, in the API's JSON ({@code UserRequest}, {@code UserResponse}, bulk rows).
 * It owns no tables: clients are kept, checked and matched by the clients module's {@code ClientDirectory}; its
 * {@code ClientRejected} answers as the API's problem. Nothing here is public.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"clients", "organization", "web"})
package org.rpmsync.users;
