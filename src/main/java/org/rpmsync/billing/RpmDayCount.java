package org.rpmsync.billing;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.alerts.CareSettings;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.ReadingsAttributed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the days of readings for the RPM months when they are given to their client: in the transaction that
 * attributes them, whichever way they came, each reading once. Off with {@code rpmsync.care.check-readings=false}
 * ({@link CareSettings}), like the alert checks.
 */
@Component
class RpmDayCount {

    private final ClientDirectory clients;
    private final RpmDays days;
    private final CareSettings settings;

    RpmDayCount(ClientDirectory clients, RpmDays days, CareSettings settings) {
        this.clients = clients;
        this.days = days;
        this.settings = settings;
    }

    @EventListener
    void readingsAttributed(ReadingsAttributed event) {
        if (settings.checkReadings()) {
            Map<UUID, ZoneId> zones = new HashMap<>();
            clients.findAll(event.organization(), event.readings().keySet())
                    .forEach((id, client) -> zones.put(id, client.timeZone()));
            days.add(event.organization().value(), RpmDays.days(event.given(), zones));
        }
    }
}
