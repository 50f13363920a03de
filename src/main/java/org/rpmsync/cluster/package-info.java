/**
 * What the instances of one deployment share through the database, so that any number of them can run behind a
 * load balancer: scheduled work that runs once across instances (a ShedLock row per job in
 * {@code scheduler_locks}), rate limits counted for all instances together ({@link org.rpmsync.cluster.SharedLimits},
 * token buckets in {@code rate_buckets}, with a per-instance floor), and calls paced per key across instances, one
 * at a time and an interval after the previous answer ({@link org.rpmsync.cluster.PacedCalls}, a row per key in
 * {@code tenovi_request_slots}; the tenovi module paces every call to Tenovi with it). Public surface:
 * {@code SharedLimits}, {@code RateLimit}, {@code PacedCalls} and {@code PacingUnavailable}. Sessions are Spring
 * Session JDBC tables (see {@code security}); the inbox and the Tenovi sync jobs claim their rows themselves
 * ({@code FOR UPDATE SKIP LOCKED}, leases).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.cluster;
