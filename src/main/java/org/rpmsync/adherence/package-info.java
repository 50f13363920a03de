/**
 * Medication adherence: each client's dosing schedule and the scoring of PillBox compartment openings against it.
 * The scoring is a pure function of the schedule and the stored openings ({@link org.rpmsync.adherence.Scoring}),
 * computed on every read, so readings that arrive late simply rescore the days they touch. Public surface: the
 * {@link org.rpmsync.adherence.Adherence} facade and the records it returns.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"measurements", "clients", "organization"})
package org.rpmsync.adherence;
