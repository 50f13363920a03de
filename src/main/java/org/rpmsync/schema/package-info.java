/**
 * The database schema's history: Flyway migrations run at start-up, the one known edit of an applied migration
 * (V13) realigned, and a plain message instead of a stack trace when a database's history does not match.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.schema;
