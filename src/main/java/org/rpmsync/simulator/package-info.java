/**
 * The fake Tenovi server for the demo, tests and benchmarks: its HWI REST API (accounts' patients, devices, device
 * types, measurements, webhook registrations; paging; the {@code Api-Key} check, Django's slash redirect and the
 * per-key rate limit in {@code ApiGuard}), its in-memory accounts ({@code Fleet}, seeded with the demo account), the
 * simulated server clock, Tenovi's wire types and the switch {@code rpmsync.simulator.enabled}. The
 * {@code simulation} module makes it move (readings, webhooks, control API); this module knows nothing of it.
 * It speaks HTTP only: nothing here imports another {@code org.rpmsync} module, and only {@code simulation} imports it.
 * Every bean is active only when {@code rpmsync.simulator.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.simulator;
