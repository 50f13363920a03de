/**
 * What the instances of one deployment share through the database, so that any number of them can run behind a
 * load balancer: scheduled work that runs once across instances (a ShedLock row per job in
 * {@code scheduler_locks}) and rate limits counted for all instances together ({@link org.rpmsync.cluster.SharedLimits},
 * token buckets in {@code rate_buckets}, with a per-instance floor). Public surface: {@code SharedLimits} and
 * {@code RateLimit}. Sessions are Spring Session JDBC tables (see {@code security}); the inbox and the Tenovi
 * sync jobs claim their rows themselves ({@code FOR UPDATE SKIP LOCKED}, leases).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.cluster;
