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
public final class Account {

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

    public String clientDomain() {
        return clientDomain;
    }

    boolean hasKey(String key) {
        return apiKeys.contains(key);
    }

    Double requestsPerSecond() {
        return requestsPerSecond;
    }

    public synchronized boolean addPatient(Patient patient) {
        return patients.putIfAbsent(patient.externalId(), patient) == null;
    }

    public synchronized Optional<Patient> patient(String externalId) {
        return Optional.ofNullable(patients.get(externalId));
    }

    synchronized List<Patient> patients() {
        return List.copyOf(patients.values());
    }

    synchronized void addDevice(Device device) {
        devices.put(device.id().toString(), device);
    }

    public synchronized Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public synchronized List<Device> devices() {
        return List.copyOf(devices.values());
    }

    public synchronized void addWebhook(TenoviWebhook webhook) {
        webhooks.add(webhook);
    }

    public synchronized List<TenoviWebhook> webhooks() {
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

    public synchronized StoredMeasurement store(Reading reading, Instant created) {
        var stored = new StoredMeasurement(nextSequence++, reading, created);
        measurements.addLast(stored);
        if (measurements.size() > MAX_MEASUREMENTS) {
            measurements.removeFirst();
        }
        return stored;
    }

    public synchronized List<StoredMeasurement> measurements(Predicate<StoredMeasurement> filter) {
        return measurements.stream().filter(filter).toList();
    }

    public synchronized List<StoredMeasurement> latestMeasurements(int count) {
        var all = new ArrayList<>(measurements);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }
}
