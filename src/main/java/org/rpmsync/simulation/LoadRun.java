package org.rpmsync.simulation;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.rpmsync.simulator.WireFormat;

/**
 * One bounded, open-loop load run: a pacer schedules deliveries at fixed times, one worker per connection sends them
 * (each worker owns one HTTP/1.1 client, i.e. one keep-alive connection). Latency is measured from the scheduled
 * send time, so queueing behind a slow receiver counts (no coordinated omission); service time from the send.
 */
final class LoadRun {

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final WebhookLoad.LoadPlan plan;
    private final LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
    private final Recorder latency = new Recorder(3);
    private final Recorder service = new Recorder(3);
    private final AtomicLong sent = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final long baseMicros = Instant.now().getEpochSecond() * 1_000_000L;
    private volatile boolean pacing = true;

    LoadRun(WebhookLoad.LoadPlan plan) {
        this.plan = plan;
    }

    LoadResult run() throws InterruptedException {
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < plan.connections(); i++) {
            var worker = new Thread(this::work, "load-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long start = System.nanoTime();
        long interval = 1_000_000_000L / plan.rate();
        for (long i = 0; i < plan.deliveries(); i++) {
            long at = start + i * interval;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(at);
        }
        pacing = false;
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        for (var worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainUntil - System.nanoTime())));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        var statusCounts = new TreeMap<Integer, Long>();
        statuses.forEach((k, v) -> statusCounts.put(k, v.sum()));
        var errorCounts = new TreeMap<String, Long>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        return new LoadResult(plan, sent.get(), due.size(), statusCounts, errorCounts, elapsed,
                latency.getIntervalHistogram(), service.getIntervalHistogram());
    }

    private void work() {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        while (true) {
            Long scheduled;
            try {
                scheduled = due.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (scheduled == null) {
                if (!pacing) {
                    return;
                }
                continue;
            }
            send(client, scheduled, sent.getAndIncrement());
        }
    }

    private void send(HttpClient client, long scheduled, long sequence) {
        var request = HttpRequest.newBuilder(plan.url()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(sequence)));
        if (plan.secret() != null) {
            request.header(plan.header(), plan.secret());
        }
        long begin = System.nanoTime();
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.computeIfAbsent("interrupted", s -> new LongAdder()).increment();
            return;
        } catch (Exception e) {
            errors.computeIfAbsent(e.getClass().getSimpleName(), s -> new LongAdder()).increment();
        }
        long end = System.nanoTime();
        latency.recordValue(Math.max(1, (end - scheduled) / 1000));
        service.recordValue(Math.max(1, (end - begin) / 1000));
    }

    /** A realistic, unique Tenovi measurement: unique microsecond timestamp and values per sequence number. */
    String body(long sequence) {
        var device = UUID.nameUUIDFromBytes(("load-device-" + sequence % 64).getBytes());
        var timestamp = WireFormat.time(Instant.EPOCH.plus(baseMicros + sequence, java.time.temporal.ChronoUnit.MICROS));
        var item = String.format(java.util.Locale.ROOT, "{\"metric\": \"blood_pressure\", \"device_name\": \"Tenovi BPM - L\","
                + " \"hwi_device_id\": \"%s\", \"patient_id\": \"LOAD-%04d\", \"hardware_uuid\": \"%012X\","
                + " \"sensor_code\": \"10\", \"value_1\": \"%d.00\", \"value_2\": \"%d.00\", \"created\": \"%s\","
                + " \"timestamp\": \"%s\", \"timezone_offset\": -5, \"estimated_timestamp\": false,"
                + " \"filter_params\": {\"measurement_index\": %d}}",
                device, sequence % 64, sequence % 64, 100 + sequence % 60, 60 + sequence % 30, timestamp, timestamp,
                sequence % 100_000 + 1);
        return plan.asArray() ? "[" + item + "]" : item;
    }

    static List<Double> percentiles(Histogram histogram) {
        return List.of(50.0, 90.0, 99.0, 99.9).stream()
                .map(p -> histogram.getValueAtPercentile(p) / 1000.0).toList();
    }
}
