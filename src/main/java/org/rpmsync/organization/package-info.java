/**
 * Organizations (tenants), staff and roles, per-organization feature switches and API tokens: the clinic's time
 * zone, staff accounts, passwords and one-time reset links, and the Organization Settings pages for them (clinic,
 * staff, API tokens). Platform administration is the {@code platform} module, the audit log pages the
 * {@code auditlog} module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package org.rpmsync.organization;
