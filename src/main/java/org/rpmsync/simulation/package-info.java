/**
 * The simulation that runs on the fake Tenovi server of {@code simulator}: simulated time passing
 * ({@code Simulation}, {@code SimulationTicker}), deterministic readings by patient behaviour and device kind
 * ({@code ReadingGenerator}, {@code Vitals}), the webhook sender and its delivery log, fulfillment and awkward
 * deliveries ({@code WebhookAnomalies}) and the control API under {@code <base-path>/_control} (no auth; for tests and
 * the demo). The benchmarks' webhook load tool is a module of its own, {@code load}.
 * It uses only {@code simulator} and speaks HTTP to everything else; nothing imports it.
 * Every bean is active only when {@code rpmsync.simulator.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"simulator"})
package org.rpmsync.simulation;
