/** Who read or changed what: an append-only log that every other module writes to. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.audit;
