/** The Tenovi webhook endpoint, the durable inbox it commits deliveries to, and the workers that process them. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenovi", "integrations", "measurements", "clients", "organization", "web", "security", "audit", "cluster"})
package org.rpmsync.ingest;
