package org.rpmsync.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which client holds which device, and since when. A device has at most one holder in an organization at any
 * instant: moving it ends the old assignment and starts the new one at the same instant, so readings stay with
 * whoever held the device when they were measured. Assigning publishes {@link DeviceAssigned}.
 */
@Service
public class DeviceAssignments {

    /** The first assignment of a device covers everything it measured before it was mapped. */
    static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DeviceAssignments(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Maps the device to the client. Held by another client: {@code device_assigned_elsewhere} unless {@code move}.
     * Already held by this client: its details are refreshed.
     */
    @Transactional
    public Assignment assign(OrganizationId organization, Actor actor, ClientId client, DeviceDetails device,
                             boolean move) {
        return assign(organization, actor.auditName(), client, device, move, false);
    }

    /** Maps a device found through a reading's Patient ID, unless somebody holds it already. */
    @Transactional
    public Optional<Assignment> discover(OrganizationId organization, ClientId client, DeviceDetails device) {
        if (holder(organization, device.source(), device.deviceId()).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(assign(organization, "system:discovery", client, device, false, true));
        } catch (MappingRejected raced) {
            return Optional.empty();
        }
    }

    /** Ends the client's current assignment of the device now; its history stays. False when it held none. */
    @Transactional
    public boolean end(OrganizationId organization, Actor actor, ClientId client, String source, String deviceId) {
        int ended = jdbc.sql("""
                update device_assignments set ended_at = ?, current_device_id = null
                where organization_id = ? and client_id = ? and source = ? and current_device_id = ?""")
                .params(Timestamp.from(now()), organization.value(), client.value(), source, deviceId).update();
        if (ended > 0) {
            events.publishEvent(new DeviceUnassigned(organization, client, source, deviceId));
            audit.record(AuditEntry.success(organization.value(), actor.auditName(), "DEVICE_UNASSIGNED", "client",
                    client.toString()).withDetail(source + " device " + deviceId));
        }
        return ended > 0;
    }

    public List<Assignment> current(OrganizationId organization, ClientId client) {
        return jdbc.sql("select * from device_assignments where organization_id = ? and client_id = ? "
                        + "and ended_at is null order by assigned_at")
                .params(organization.value(), client.value()).query(DeviceAssignments::assignment).list();
    }

    /** Every assignment of the device in the organization, oldest first: who held it when. */
    public List<Assignment> history(OrganizationId organization, String source, String deviceId) {
        return jdbc.sql("select * from device_assignments where organization_id = ? and source = ? and device_id = ? "
                        + "order by effective_from, assigned_at")
                .params(organization.value(), source, deviceId).query(DeviceAssignments::assignment).list();
    }

    /** As {@link #history}, for several devices of a source in one query; a device never mapped has none. */
    public Map<String, List<Assignment>> histories(OrganizationId organization, String source,
                                                   Collection<String> deviceIds) {
        Map<String, List<Assignment>> histories = new HashMap<>();
        deviceIds.forEach(device -> histories.put(device, new ArrayList<>()));
        if (!deviceIds.isEmpty()) {
            jdbc.sql("select * from device_assignments where organization_id = :org and source = :source "
                            + "and device_id in (:devices) order by effective_from, assigned_at")
                    .param("org", organization.value()).param("source", source).param("devices", List.copyOf(deviceIds))
                    .query(DeviceAssignments::assignment).list()
                    .forEach(a -> histories.computeIfAbsent(a.deviceId(), d -> new ArrayList<>()).add(a));
        }
        return histories;
    }

    /** Every assignment the client ever had (current and ended), oldest first. */
    public List<Assignment> held(OrganizationId organization, ClientId client) {
        return jdbc.sql("select * from device_assignments where organization_id = ? and client_id = ? "
                        + "order by effective_from, assigned_at")
                .params(organization.value(), client.value()).query(DeviceAssignments::assignment).list();
    }

    /** Every assignment the clients ever had (current and ended), oldest first within each client. */
    public List<Assignment> held(OrganizationId organization, Collection<UUID> clients) {
        if (clients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from device_assignments where organization_id = :org and client_id in (:clients) "
                        + "order by client_id, effective_from, assigned_at")
                .param("org", organization.value()).param("clients", List.copyOf(clients))
                .query(DeviceAssignments::assignment).list();
    }

    /** The organization's current assignments of the source's devices: every device mapped right now. */
    public List<Assignment> mapped(OrganizationId organization, String source) {
        return jdbc.sql("select * from device_assignments where organization_id = ? and source = ? "
                        + "and ended_at is null order by assigned_at")
                .params(organization.value(), source).query(DeviceAssignments::assignment).list();
    }

    public Optional<Assignment> holder(OrganizationId organization, String source, String deviceId) {
        return jdbc.sql("select * from device_assignments where organization_id = ? and source = ? "
                        + "and current_device_id = ?")
                .params(organization.value(), source, deviceId).query(DeviceAssignments::assignment).optional();
    }

    /** Records the vendor's latest status of the device (e.g. from a fulfillment webhook) on its assignments. */
    @Transactional
    public int updateVendorStatus(OrganizationId organization, String source, String deviceId, String status) {
        return jdbc.sql("update device_assignments set vendor_status = ? where organization_id = ? and source = ? "
                        + "and device_id = ? and ended_at is null")
                .params(status, organization.value(), source, deviceId).update();
    }

    private Assignment assign(OrganizationId organization, String actor, ClientId client, DeviceDetails device,
                              boolean move, boolean discovered) {
        boolean known = jdbc.sql("select count(*) from clients where organization_id = ? and id = ?")
                .params(organization.value(), client.value()).query(Long.class).single() == 1;
        if (!known) {
            throw new MappingRejected("not_found", "Client was not found.", null);
        }
        Instant now = now();
        Optional<Assignment> held = jdbc.sql("select * from device_assignments where organization_id = ? "
                        + "and source = ? and current_device_id = ? for update")
                .params(organization.value(), device.source(), device.deviceId())
                .query(DeviceAssignments::assignment).optional();
        if (held.isPresent() && held.get().clientId().equals(client)) {
            jdbc.sql("update device_assignments set device_name = coalesce(?, device_name), sensor_code = coalesce(?, "
                            + "sensor_code), vendor_status = coalesce(?, vendor_status), vendor_patient_id = ? where id = ?")
                    .params(device.deviceName(), device.sensorCode(), device.vendorStatus(), device.vendorPatientId(),
                            held.get().id()).update();
            return holder(organization, device.source(), device.deviceId()).orElseThrow();
        }
        if (held.isPresent() && !move) {
            throw new MappingRejected("device_assigned_elsewhere", "Device " + device.deviceId()
                    + " is assigned to another client.", held.get().clientId());
        }
        held.ifPresent(old -> jdbc.sql("update device_assignments set ended_at = ?, current_device_id = null where id = ?")
                .params(Timestamp.from(now), old.id()).update());
        List<Assignment> past = history(organization, device.source(), device.deviceId());
        boolean mappedBefore = !past.isEmpty();
        if (device.deviceName() == null && mappedBefore) {
            Assignment last = past.get(past.size() - 1);
            device = new DeviceDetails(device.source(), device.deviceId(), last.deviceName(), last.sensorCode(),
                    device.vendorStatus() != null ? device.vendorStatus() : last.vendorStatus(), device.vendorPatientId());
        }
        var assignment = new Assignment(UUID.randomUUID(), client, device.source(), device.deviceId(),
                device.deviceName(), device.sensorCode(), device.vendorStatus(), device.vendorPatientId(), discovered,
                mappedBefore ? now : BEGINNING, now, null);
        try {
            jdbc.sql("""
                    insert into device_assignments (id, organization_id, client_id, source, device_id, device_name,
                        sensor_code, vendor_status, vendor_patient_id, discovered, effective_from, assigned_at,
                        current_device_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(assignment.id(), organization.value(), client.value(), device.source(), device.deviceId(),
                            device.deviceName(), device.sensorCode(), device.vendorStatus(), device.vendorPatientId(),
                            discovered, Timestamp.from(assignment.effectiveFrom()), Timestamp.from(now),
                            device.deviceId())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new MappingRejected("device_assigned_elsewhere", "Device " + device.deviceId()
                    + " was just assigned to another client.", null);
        }
        audit.record(AuditEntry.success(organization.value(), actor, "DEVICE_ASSIGNED", "client", client.toString())
                .withDetail(device.source() + " device " + device.deviceId() + (held.isPresent() ? " (moved)" : "")));
        events.publishEvent(new DeviceAssigned(organization, client, device.source(), device.deviceId()));
        return assignment;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Assignment(rs.getObject("id", UUID.class), ClientId.of(rs.getObject("client_id", UUID.class)),
                rs.getString("source"), rs.getString("device_id"), rs.getString("device_name"),
                rs.getString("sensor_code"), rs.getString("vendor_status"), rs.getString("vendor_patient_id"),
                rs.getBoolean("discovered"), rs.getTimestamp("effective_from").toInstant(),
                rs.getTimestamp("assigned_at").toInstant(), ended == null ? null : ended.toInstant());
    }
}
