package org.rpmsync.measurements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives readings to clients: the client who held the device when the reading was measured; else the client whose
 * Patient ID the reading carries (the device is then discovered on that client); else the reading stays unmatched
 * (client_id null) until a mapping appears — {@link DeviceAssigned} and {@link PatientIdSaved} replay them.
 * Attribution never uses the gateway's hardware_uuid, which changes when a gateway is replaced. In the same
 * transaction it moves the clients' {@link ClientActivities} forward and announces {@link ReadingsAttributed} (each
 * reading once: its client is set only while it has none) and {@link OpeningsAttributed}.
 */
@Component
class Attribution {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DeviceAssignments assignments;
    private final PatientIds patientIds;
    private final ClientActivities activities;
    private final ApplicationEventPublisher events;

    Attribution(JdbcClient jdbc, JdbcTemplate batch, DeviceAssignments assignments, PatientIds patientIds,
                ClientActivities activities, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.assignments = assignments;
        this.patientIds = patientIds;
        this.activities = activities;
        this.events = events;
    }

    /** Attributes the given unmatched readings of the organization; returns how many found a client. */
    @Transactional
    int attribute(OrganizationId organization, List<UUID> readingIds) {
        if (readingIds.isEmpty()) {
            return 0;
        }
        List<Unmatched> readings = new ArrayList<>();
        for (int from = 0; from < readingIds.size(); from += 500) {
            List<UUID> chunk = readingIds.subList(from, Math.min(from + 500, readingIds.size()));
            readings.addAll(jdbc.sql("select id, source, device_id, patient_id, type, measured_at, received_at "
                            + "from measurements where organization_id = :org and client_id is null and id in (:ids)")
                    .param("org", organization.value()).param("ids", chunk)
                    .query((rs, n) -> new Unmatched(rs.getObject("id", UUID.class), rs.getString("source"),
                            rs.getString("device_id"), rs.getString("patient_id"),
                            ReadingType.valueOf(rs.getString("type")), rs.getTimestamp("measured_at").toInstant(),
                            rs.getTimestamp("received_at").toInstant()))
                    .list());
        }
        Map<String, List<Assignment>> histories = new HashMap<>();
        Map<String, Optional<ClientId>> byPatient = new HashMap<>();
        List<Object[]> updates = new ArrayList<>();
        Map<UUID, ClientActivity> newest = new TreeMap<>();
        for (Unmatched reading : readings) {
            List<Assignment> history = histories.computeIfAbsent(reading.source() + "\u0000" + reading.deviceId(),
                    key -> assignments.history(organization, reading.source(), reading.deviceId()));
            Optional<ClientId> holder = history.stream().filter(a -> a.covers(reading.measuredAt())).findFirst()
                    .map(Assignment::clientId);
            if (holder.isEmpty() && reading.patientId() != null) {
                holder = byPatient.computeIfAbsent(reading.patientId(), id -> patientIds.clientWith(organization, id));
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
            events.publishEvent(new ReadingsAttributed(organization, given));
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

    @EventListener
    void deviceAssigned(DeviceAssigned event) {
        attribute(event.organization(), jdbc.sql("select id from measurements where organization_id = ? "
                        + "and source = ? and device_id = ? and client_id is null")
                .params(event.organization().value(), event.source(), event.deviceId()).query(UUID.class).list());
    }

    @EventListener
    void patientIdSaved(PatientIdSaved event) {
        attribute(event.organization(), jdbc.sql("select id from measurements where organization_id = ? "
                        + "and patient_id = ? and client_id is null")
                .params(event.organization().value(), event.patientId()).query(UUID.class).list());
    }

    private void discover(OrganizationId organization, ClientId client, Unmatched reading,
                          Map<String, List<Assignment>> histories) {
        if (histories.get(reading.source() + "\u0000" + reading.deviceId()).isEmpty()) {
            assignments.discover(organization, client, new DeviceDetails(reading.source(), reading.deviceId(), null,
                    null, null, reading.patientId()));
            histories.put(reading.source() + "\u0000" + reading.deviceId(),
                    assignments.history(organization, reading.source(), reading.deviceId()));
        }
    }

    private static ClientActivity latest(ClientActivity a, ClientActivity b) {
        return new ClientActivity(a.clientId(), later(a.lastReceivedAt(), b.lastReceivedAt()),
                later(a.lastMeasuredAt(), b.lastMeasuredAt()), later(a.lastMedicationAt(), b.lastMedicationAt()));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private record Unmatched(UUID id, String source, String deviceId, String patientId, ReadingType type,
                             Instant measuredAt, Instant receivedAt) {

        ClientActivity activity(UUID client) {
            return new ClientActivity(client, receivedAt, measuredAt,
                    type == ReadingType.MEDICATION_COMPARTMENT_OPENED ? measuredAt : null);
        }
    }
}
