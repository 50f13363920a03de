package org.rpmsync.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** One Tenovi client account (client domain) with its keys, patients, devices, webhooks and measurements. */
final class Account {

    static final int MAX_MEASUREMENTS = 200_000;

    private final String clientDomain;
    private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    private final Double requestsPerSecond;
    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final List<TenoviWebhook> webhooks = new ArrayList<>();
    private final Deque<StoredMeasurement> measurements = new ArrayDeque<>();
    private long nextSequence = 1;

    /** @param requestsPerSecond this account's rate limit, or null for the configured one */
    Account(String clientDomain, Set<String> apiKeys, Double requestsPerSecond) {
        this.clientDomain = clientDomain;
        this.apiKeys.addAll(apiKeys);
        this.requestsPerSecond = requestsPerSecond;
    }

    String clientDomain() {
        return clientDomain;
    }

    boolean hasKey(String key) {
        return apiKeys.contains(key);
    }

    Double requestsPerSecond() {
        return requestsPerSecond;
    }

    synchronized boolean addPatient(Patient patient) {
        return patients.putIfAbsent(patient.externalId(), patient) == null;
    }

    synchronized Optional<Patient> patient(String externalId) {
        return Optional.ofNullable(patients.get(externalId));
    }

    synchronized List<Patient> patients() {
        return List.copyOf(patients.values());
    }

    synchronized void addDevice(Device device) {
        devices.put(device.id().toString(), device);
    }

    synchronized Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    synchronized List<Device> devices() {
        return List.copyOf(devices.values());
    }

    synchronized void addWebhook(TenoviWebhook webhook) {
        webhooks.add(webhook);
    }

    synchronized List<TenoviWebhook> webhooks() {
        return List.copyOf(webhooks);
    }

    synchronized Optional<TenoviWebhook> webhook(String id) {
        return webhooks.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** Replaces the webhook with the same id; false when there is none. */
    synchronized boolean replaceWebhook(TenoviWebhook webhook) {
        for (int i = 0; i < webhooks.size(); i++) {
            if (webhooks.get(i).id().equals(webhook.id())) {
                webhooks.set(i, webhook);
                return true;
            }
        }
        return false;
    }

    synchronized boolean removeWebhook(String id) {
        return webhooks.removeIf(w -> w.id().equals(id));
    }

    synchronized StoredMeasurement store(Reading reading, Instant created) {
        var stored = new StoredMeasurement(nextSequence++, reading, created);
        measurements.addLast(stored);
        if (measurements.size() > MAX_MEASUREMENTS) {
            measurements.removeFirst();
        }
        return stored;
    }

    synchronized List<StoredMeasurement> measurements(Predicate<StoredMeasurement> filter) {
        return measurements.stream().filter(filter).toList();
    }

    synchronized List<StoredMeasurement> latestMeasurements(int count) {
        var all = new ArrayList<>(measurements);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }
}
