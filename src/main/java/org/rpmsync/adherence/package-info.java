/**
 * Medication adherence: each client's dosing schedule and the scoring of PillBox compartment openings against it.
 * The scoring is a pure function of the schedule and the stored openings ({@link org.rpmsync.adherence.Scoring}),
 * computed on every read, so readings that arrive late simply rescore the days they touch. The one exception is the
 * organization overview's seven-day score per client, kept by {@link org.rpmsync.adherence.WeeklyAdherence} and
 * marked out of date by the events that change it. Public surface: the {@code Adherence} and {@code WeeklyAdherence}
 * facades and the records they return.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"measurements", "clients", "organization"})
package org.rpmsync.adherence;
