/**
 * Sync: Refresh User Data, the first backfill of a newly mapped device and the scheduled reconciliation, as jobs
 * claimed under a lease with per-list cursors ({@code tenovi_sync_*} tables). Reads Tenovi only through
 * {@code TenoviAccount} and records through the measurements module, the same path as webhooks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenovi", "integrations", "measurements", "clients", "organization", "audit", "web"})
package org.rpmsync.sync;
