package org.rpmsync.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/** Simulated time: starts at a given instant and runs {@code speed} times faster than real time; can jump ahead. */
public final class SimClock {

    private final Instant start;
    private final double speed;
    private final LongSupplier realNanos;
    private final long realStart;
    private Duration jumped = Duration.ZERO;
    private boolean catchUp;

    SimClock(Instant start, double speed, LongSupplier realNanos) {
        if (speed < 0) {
            throw new IllegalArgumentException("clock speed must not be negative");
        }
        this.start = start;
        this.speed = speed;
        this.realNanos = realNanos;
        this.realStart = realNanos.getAsLong();
    }

    static SimClock realTimeFrom(Instant start, double speed) {
        return new SimClock(start, speed, System::nanoTime);
    }

    /** Starts in the past, runs {@code speed} times faster until it reaches real time, then follows real time. */
    static SimClock catchingUp(Instant start, double speed) {
        SimClock clock = new SimClock(start, speed, System::nanoTime);
        clock.catchUp = true;
        return clock;
    }

    /** A clock that moves only when told to (for tests). */
    public static SimClock stopped(Instant start) {
        return new SimClock(start, 0, () -> 0L);
    }

    public synchronized Instant now() {
        long elapsed = (long) ((realNanos.getAsLong() - realStart) * speed);
        Instant simulated = start.plus(jumped).plusNanos(elapsed);
        Instant real = Instant.now().plus(jumped);
        return (catchUp && simulated.isAfter(real) ? real : simulated).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward");
        }
        jumped = jumped.plus(duration);
    }
}
