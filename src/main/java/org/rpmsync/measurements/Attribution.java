package org.rpmsync.measurements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssigned;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.clients.PatientIdSaved;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives readings to clients: the client who held the device when the reading was measured; else the client whose
 * Patient ID the reading carries (the device is then discovered on that client); else the reading stays unmatched
 * (client_id null) until a mapping appears — {@link DeviceAssigned} and {@link PatientIdSaved} replay them, after
 * the mapping's transaction committed and in a transaction of their own, so that a device discovered here while
 * readings are being attributed never brings this class back into itself. The recorder hands over the readings it
 * just inserted; nothing it was handed is selected again to attribute it, and the devices' histories and the
 * Patient IDs are looked up once per batch (a query each), not per reading.
 * Attribution never uses the gateway's hardware_uuid, which changes when a gateway is replaced. In the same
 * transaction it moves the clients' {@link ClientActivities} forward and announces {@link ReadingsAttributed} (each
 * reading once: its client is set only while it has none; the readings given are read once, for all listeners)
 * and {@link OpeningsAttributed}.
 */
@Component
class Attribution {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DeviceAssignments assignments;
    private final PatientIds patientIds;
    private final ClientActivities activities;
    private final MeasurementQueries queries;
    private final ApplicationEventPublisher events;

    Attribution(JdbcClient jdbc, JdbcTemplate batch, DeviceAssignments assignments, PatientIds patientIds,
                ClientActivities activities, MeasurementQueries queries, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.assignments = assignments;
        this.patientIds = patientIds;
        this.activities = activities;
        this.queries = queries;
        this.events = events;
    }

    /** Attributes the given unmatched readings of the organization; returns how many found a client. */
    @Transactional
    int attribute(OrganizationId organization, List<Unmatched> readings) {
        if (readings.isEmpty()) {
            return 0;
        }
        Map<String, List<Assignment>> histories = histories(organization, readings);
        Map<String, ClientId> byPatient = patientIds.clientsWith(organization, readings.stream()
                .filter(r -> r.patientId() != null && holder(r, histories).isEmpty()).map(Unmatched::patientId)
                .toList());
        List<Object[]> updates = new ArrayList<>();
        Map<UUID, ClientActivity> newest = new TreeMap<>();
        for (Unmatched reading : readings) {
            Optional<ClientId> holder = holder(reading, histories);
            if (holder.isEmpty() && reading.patientId() != null) {
                holder = Optional.ofNullable(byPatient.get(reading.patientId()));
                holder.ifPresent(client -> discover(organization, client, reading, histories));
            }
            holder.ifPresent(client -> {
                updates.add(new Object[] {client.value(), reading.id()});
                newest.merge(client.value(), reading.activity(client.value()), Attribution::latest);
            });
        }
        if (!updates.isEmpty()) {
            int[] changed = batch.batchUpdate("update measurements set client_id = ? where id = ? and client_id is null",
                    updates);
            Map<UUID, List<UUID>> given = new TreeMap<>();
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] != 0) {
                    given.computeIfAbsent((UUID) updates.get(i)[0], c -> new ArrayList<>()).add((UUID) updates.get(i)[1]);
                }
            }
            events.publishEvent(new ReadingsAttributed(organization, given, queries.given(organization, given)));
            activities.record(organization, newest);
            SortedSet<UUID> withOpenings = new TreeSet<>();
            newest.forEach((client, a) -> {
                if (a.lastMedicationAt() != null) {
                    withOpenings.add(client);
                }
            });
            if (!withOpenings.isEmpty()) {
                events.publishEvent(new OpeningsAttributed(organization, withOpenings));
            }
        }
        return updates.size();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void deviceAssigned(DeviceAssigned event) {
        attribute(event.organization(), unmatched("source = ? and device_id = ?", event.organization(),
                event.source(), event.deviceId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void patientIdSaved(PatientIdSaved event) {
        attribute(event.organization(), unmatched("patient_id = ?", event.organization(), event.patientId()));
    }

    private List<Unmatched> unmatched(String where, OrganizationId organization, Object... params) {
        List<Object> all = new ArrayList<>(List.of(organization.value()));
        all.addAll(List.of(params));
        return jdbc.sql("select id, source, device_id, patient_id, type, measured_at, received_at from measurements "
                        + "where organization_id = ? and client_id is null and " + where)
                .params(all)
                .query((rs, n) -> new Unmatched(rs.getObject("id", UUID.class), rs.getString("source"),
                        rs.getString("device_id"), rs.getString("patient_id"),
                        ReadingType.valueOf(rs.getString("type")), rs.getTimestamp("measured_at").toInstant(),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** Who held each reading's device, oldest assignment first, by {@link #device}: one query per source. */
    private Map<String, List<Assignment>> histories(OrganizationId organization, List<Unmatched> readings) {
        Map<String, Set<String>> bySource = new TreeMap<>();
        readings.forEach(r -> bySource.computeIfAbsent(r.source(), s -> new TreeSet<>()).add(r.deviceId()));
        Map<String, List<Assignment>> histories = new HashMap<>();
        bySource.forEach((source, devices) -> assignments.histories(organization, source, devices)
                .forEach((device, history) -> histories.put(source + "\u0000" + device, history)));
        return histories;
    }

    /** The client who held the reading's device when it was measured, if any. */
    private static Optional<ClientId> holder(Unmatched reading, Map<String, List<Assignment>> histories) {
        return histories.get(device(reading)).stream().filter(a -> a.covers(reading.measuredAt())).findFirst()
                .map(Assignment::clientId);
    }

    private static String device(Unmatched reading) {
        return reading.source() + "\u0000" + reading.deviceId();
    }

    private void discover(OrganizationId organization, ClientId client, Unmatched reading,
                          Map<String, List<Assignment>> histories) {
        if (histories.get(device(reading)).isEmpty()) {
            assignments.discover(organization, client, new DeviceDetails(reading.source(), reading.deviceId(), null,
                    null, null, reading.patientId()));
            histories.put(device(reading), assignments.history(organization, reading.source(), reading.deviceId()));
        }
    }

    private static ClientActivity latest(ClientActivity a, ClientActivity b) {
        return new ClientActivity(a.clientId(), later(a.lastReceivedAt(), b.lastReceivedAt()),
                later(a.lastMeasuredAt(), b.lastMeasuredAt()), later(a.lastMedicationAt(), b.lastMedicationAt()));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** A reading without a client yet, as stored. */
    record Unmatched(UUID id, String source, String deviceId, String patientId, ReadingType type,
                     Instant measuredAt, Instant receivedAt) {

        ClientActivity activity(UUID client) {
            return new ClientActivity(client, receivedAt, measuredAt,
                    type == ReadingType.MEDICATION_COMPARTMENT_OPENED ? measuredAt : null);
        }
    }
}
