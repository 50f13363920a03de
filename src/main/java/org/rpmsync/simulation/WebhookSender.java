package org.rpmsync.simulation;

import static org.rpmsync.simulator.TenoviWebhook.FULFILLMENT;
import static org.rpmsync.simulator.TenoviWebhook.MEASUREMENT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.rpmsync.simulator.Account;
import org.rpmsync.simulator.Reading;
import org.rpmsync.simulator.TenoviFulfillment;
import org.rpmsync.simulator.TenoviMeasurement;
import org.rpmsync.simulator.WireFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts webhooks on one background thread (in order, bounded queue). Failures are logged without secrets and
 * counted; they never reach the generator.
 */
final class WebhookSender implements AutoCloseable {

    private final SimulationProperties.Webhooks settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final ThreadPoolExecutor executor;
    private final DeliveryLog log;

    WebhookSender(SimulationProperties.Webhooks settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.log = new DeliveryLog(settings.historySize());
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())), r -> {
                    var thread = new Thread(r, "simulator-webhooks");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Each reading as one object, or coincident readings (same device and time) as one array. */
    void readings(Account account, List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        for (var target : targets(account, MEASUREMENT)) {
            if (target.postAsArray()) {
                var groups = new LinkedHashMap<String, List<TenoviMeasurement>>();
                readings.forEach(r -> groups.computeIfAbsent(r.hwiDeviceId() + "|" + r.timestamp(),
                        k -> new ArrayList<>()).add(r.toWebhook()));
                groups.values().forEach(group -> post(target, MEASUREMENT, json.writeValueAsString(group)));
            } else {
                readings.forEach(r -> post(target, MEASUREMENT, json.writeValueAsString(r.toWebhook())));
            }
        }
    }

    void fulfillment(Account account, TenoviFulfillment update) {
        targets(account, FULFILLMENT).forEach(t -> post(t, FULFILLMENT, json.writeValueAsString(update)));
    }

    /** Sends a body as is (malformed items on purpose) to the account's measurement webhooks. */
    void raw(Account account, String body) {
        targets(account, MEASUREMENT).forEach(t -> post(t, MEASUREMENT, body));
    }

    List<WebhookTarget> targets(Account account, String event) {
        var targets = new ArrayList<WebhookTarget>();
        settings.targets().stream()
                .filter(t -> t.clientDomain() == null || t.clientDomain().isBlank()
                        || t.clientDomain().equals(account.clientDomain()))
                .filter(t -> event.equalsIgnoreCase(t.event()))
                .forEach(t -> targets.add(WebhookTarget.of(t)));
        account.webhooks().stream().filter(w -> event.equalsIgnoreCase(w.event()))
                .forEach(w -> targets.add(WebhookTarget.of(w)));
        return targets;
    }

    private void post(WebhookTarget target, String event, String body) {
        try {
            executor.execute(() -> deliver(target, event, body));
        } catch (RejectedExecutionException e) {
            log.dropped(event, target);
        }
    }

    private void deliver(WebhookTarget target, String event, String body) {
        int status = -1;
        String error = null;
        try {
            var request = HttpRequest.newBuilder(URI.create(target.url())).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (target.authHeader() != null && !target.authHeader().isBlank() && target.authKey() != null) {
                request.header(target.authHeader(), target.authKey());
            }
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName();
        }
        log.sent(new Delivery(WireFormat.time(Instant.now()), event, target.origin(), status, error, body));
    }

    List<Delivery> deliveries() {
        return log.deliveries();
    }

    void clearHistory() {
        log.clear();
    }

    DeliveryLog.Stats stats() {
        return log.stats(executor.getQueue().size());
    }

    /** Waits until everything queued so far has been posted (or the timeout passed). */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (executor.getQueue().size() + executor.getActiveCount() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
