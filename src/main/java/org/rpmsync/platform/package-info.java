/**
 * Platform administration (spec §2): organizations, their Tenovi switch, first staff and tokens, as
 * {@code /api/v1/admin/organizations} for a platform token and the {@code /admin/organizations} pages for a platform
 * admin; and the bootstrap of an empty database ({@code rpmsync.bootstrap.*}: the first platform admin and platform
 * token). Everything it changes goes through the organization module's services, which audit it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "web"})
package org.rpmsync.platform;
