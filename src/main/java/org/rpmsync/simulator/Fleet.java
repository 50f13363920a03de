package org.rpmsync.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The simulated Tenovi's accounts, in memory. Ids are derived from the seed, so a restart gives the same ids. */
public final class Fleet {

    private final ConcurrentMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final long seed;

    public Fleet(long seed) {
        this.seed = seed;
    }

    /** @return the new account, or empty if the client domain exists */
    public Optional<Account> addAccount(String clientDomain, Set<String> apiKeys, Double requestsPerSecond) {
        var account = new Account(clientDomain, apiKeys, requestsPerSecond);
        return accounts.putIfAbsent(clientDomain, account) == null ? Optional.of(account) : Optional.empty();
    }

    public Optional<Account> account(String clientDomain) {
        return Optional.ofNullable(accounts.get(clientDomain));
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    /** Adds a device for a patient of the account; all gateway devices of one patient share one gateway id. */
    public Device addDevice(Account account, Patient patient, DeviceKind kind, Instant now, String status) {
        var name = seed + "/" + account.clientDomain() + "/" + patient.externalId() + "/" + kind;
        var taken = account.devices().stream().filter(d -> d.id().equals(uuid(name))).count();
        var id = uuid(taken == 0 ? name : name + "/" + now.toEpochMilli());
        var device = new Device(id, kind, gatewayId(account, patient), patient.externalId(),
                patient.timezoneOffset(), now, status);
        account.addDevice(device);
        return device;
    }

    private String gatewayId(Account account, Patient patient) {
        var hex = uuid("gateway/" + seed + "/" + account.clientDomain() + "/" + patient.externalId())
                .toString().replace("-", "");
        return hex.substring(0, 12).toUpperCase(java.util.Locale.ROOT);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }
}
