/**
 * Tenovi: the per-organization connection (encrypted API key, webhook secret), {@code TenoviClient} and the Tenovi
 * wire records. Tenovi's wire formats never leave this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "audit", "web", "measurements", "clients"})
package org.rpmsync.tenovi;
