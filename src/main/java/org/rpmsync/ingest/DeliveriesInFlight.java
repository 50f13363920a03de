package org.rpmsync.ingest;

import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Admission control for the webhook: at most {@link ReceiveSettings#maxInFlight()} deliveries are being received at
 * once. One more is refused at once (the endpoint answers 503 with Retry-After) instead of queueing until every
 * answer is late; a sender that retries finds room again when the commits have caught up.
 */
@Component
class DeliveriesInFlight {

    private final Semaphore slots;

    DeliveriesInFlight(ReceiveSettings settings) {
        this.slots = new Semaphore(Math.max(1, settings.maxInFlight()));
    }

    /** Takes a slot if one is free; a caller that got one must {@link #leave()}. */
    boolean enter() {
        return slots.tryAcquire();
    }

    void leave() {
        slots.release();
    }
}
