package org.rpmsync.load;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One bounded, open-loop load run. Delivery {@code i} is due {@code i / rate} seconds after the start. Each connection
 * is one sender thread with its own {@link KeepAliveConnection}: it takes the next delivery not yet taken, waits until
 * it is due and sends it, so a delivery waits for a free connection as in a queue, in order. Ack latency runs from the
 * due time, so waiting behind a slow receiver counts (no coordinated omission); service time from writing the request.
 */
final class LoadRun {

    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofMillis(100);
    private static final int CONNECT_MILLIS = 5_000;
    private static final int READ_MILLIS = 10_000;

    private final WebhookLoad.LoadPlan plan;
    /** Delivery i's timestamp is this + i µs: runs one after another never share one (each lasts over n µs). */
    private final long baseMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Recorder latency = new Recorder(3);
    private final Recorder service = new Recorder(3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private long start;
    private long drainUntil;

    LoadRun(WebhookLoad.LoadPlan plan) {
        this.plan = plan;
    }

    LoadResult run() throws InterruptedException {
        long cpuBefore = cpuNanos();
        start = System.nanoTime() + START.toNanos();
        drainUntil = start + TimeUnit.SECONDS.toNanos(plan.seconds()) + DRAIN.toNanos();
        var senders = new ArrayList<Thread>();
        for (int i = 0; i < plan.connections(); i++) {
            var sender = new Thread(this::send, "load-" + i);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        for (var sender : senders) {
            sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainUntil - System.nanoTime())));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        var statusCounts = new TreeMap<Integer, Long>();
        statuses.forEach((k, v) -> statusCounts.put(k, v.sum()));
        var errorCounts = new TreeMap<String, Long>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        long sentCount = sent.get();
        return new LoadResult(plan, sentCount, plan.deliveries() - sentCount, statusCounts, errorCounts, elapsed,
                latency.getIntervalHistogram(), service.getIntervalHistogram(), (cpuNanos() - cpuBefore) / 1e6);
    }

    /** One sender thread: the next delivery not yet taken, at its due time, until all are taken or time is up. */
    private void send() {
        var requests = new DeliveryRequests(plan, baseMicros);
        try (var connection = new KeepAliveConnection(plan.url(), CONNECT_MILLIS, READ_MILLIS)) {
            for (long i = next.getAndIncrement(); i < plan.deliveries(); i = next.getAndIncrement()) {
                long due = start + i * 1_000_000_000L / plan.rate();
                var request = requests.request(i);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() > drainUntil) {
                    return;
                }
                sent.incrementAndGet();
                exchange(connection, request, due);
            }
        }
    }

    private void exchange(KeepAliveConnection connection, byte[] request, long due) {
        long begin = System.nanoTime();
        try {
            int status = connection.exchange(request);
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        } catch (Exception e) {
            errors.computeIfAbsent(e.getClass().getSimpleName(), s -> new LongAdder()).increment();
        }
        long end = System.nanoTime();
        latency.recordValue(Math.max(1, (end - due) / 1000));
        service.recordValue(Math.max(1, (end - begin) / 1000));
    }

    /** CPU time of this process so far (all threads, JIT and GC included), or 0 where the platform does not say. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static List<Double> percentiles(Histogram histogram) {
        return List.of(50.0, 90.0, 99.0, 99.9).stream()
                .map(p -> histogram.getValueAtPercentile(p) / 1000.0).toList();
    }
}
