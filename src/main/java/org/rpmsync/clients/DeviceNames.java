package org.rpmsync.clients;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the vendor calls each device of an organization (name, sensor code, status), kept on its assignments, and
 * the labels pages show ({@link DeviceLabel}). A device's newest known name counts, whichever assignment it came with.
 */
@Service
public class DeviceNames {

    private final JdbcClient jdbc;

    DeviceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The label of every device in {@code deviceIds} (unknown devices get the unnamed label). */
    public Map<String, String> labels(OrganizationId organization, Collection<String> deviceIds) {
        Map<String, String> names = names(organization, deviceIds);
        Map<String, String> labels = new HashMap<>();
        deviceIds.forEach(id -> labels.put(id, DeviceLabel.of(names.get(id), id)));
        return labels;
    }

    public String label(OrganizationId organization, String deviceId) {
        return labels(organization, List.of(deviceId)).get(deviceId);
    }

    /** Device id to its newest known name; devices without a known name are absent. */
    public Map<String, String> names(OrganizationId organization, Collection<String> deviceIds) {
        Map<String, String> names = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select device_id, device_name from device_assignments where organization_id = :org "
                        + "and device_id in (:ids) and device_name is not null order by assigned_at")
                .param("org", organization.value()).param("ids", List.copyOf(deviceIds))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(named -> names.put(named.getKey(), named.getValue()));
        return names;
    }

    /**
     * Records what the vendor says about a device now on every assignment of it (name and sensor code; status on
     * the current one). Values the vendor did not send are kept. Returns the assignments changed.
     */
    @Transactional
    public int refresh(OrganizationId organization, DeviceDetails device) {
        int named = jdbc.sql("""
                update device_assignments set device_name = coalesce(?, device_name),
                    sensor_code = coalesce(?, sensor_code)
                where organization_id = ? and source = ? and device_id = ?""")
                .params(device.deviceName(), device.sensorCode(), organization.value(), device.source(),
                        device.deviceId()).update();
        if (device.vendorStatus() != null) {
            jdbc.sql("update device_assignments set vendor_status = ? where organization_id = ? and source = ? "
                            + "and device_id = ? and ended_at is null")
                    .params(device.vendorStatus(), organization.value(), device.source(), device.deviceId()).update();
        }
        return named;
    }
}
