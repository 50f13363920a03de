/** Organizations (tenants), staff and roles, per-organization feature switches and API tokens. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package org.rpmsync.organization;
