package org.rpmsync.simulation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the generator every {@code tick-interval} of real time (off when the interval is zero). */
final class SimulationTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulationTicker.class);

    private final Simulation simulation;
    private final Duration interval;
    private ScheduledExecutorService executor;

    SimulationTicker(Simulation simulation, Duration interval) {
        this.simulation = simulation;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "simulator-ticker");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            simulation.tick();
        } catch (RuntimeException e) {
            log.warn("Simulator tick failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
