/**
 * A fake Tenovi (HWI API, webhook sender, simulated device fleet) for the demo, tests and benchmarks.
 * It speaks HTTP only: nothing here imports another {@code org.rpmsync} module, and nothing else imports it.
 * Every bean is active only when {@code rpmsync.simulator.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.simulator;
