package org.rpmsync.simulation;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts webhook deliveries and keeps the last few for the control API; logs failures without secrets. */
final class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

    private final int historySize;
    private final Deque<Delivery> history = new ConcurrentLinkedDeque<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    DeliveryLog(int historySize) {
        this.historySize = historySize;
    }

    void sent(Delivery delivery) {
        sent.incrementAndGet();
        if (delivery.error() == null) {
            succeeded.incrementAndGet();
        } else {
            failed.incrementAndGet();
            log.warn("Webhook {} delivery to {} failed: {}", delivery.event(), delivery.target(), delivery.error());
        }
        history.addLast(delivery);
        while (history.size() > historySize) {
            history.pollFirst();
        }
    }

    void dropped(String event, WebhookTarget target) {
        dropped.incrementAndGet();
        log.warn("Webhook queue full, dropped a {} delivery to {}", event, target.origin());
    }

    List<Delivery> deliveries() {
        return List.copyOf(history);
    }

    void clear() {
        history.clear();
    }

    Stats stats(int queued) {
        return new Stats(sent.get(), succeeded.get(), failed.get(), dropped.get(), queued);
    }

    record Stats(long sent, long succeeded, long failed, long dropped, int queued) {
    }
}
