package org.rpmsync.adherence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.MeasurementQueries.DeviceSpan;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Service;

/**
 * Finds when clients were monitored with a PillBox ({@link Monitoring}) from their device assignments and their
 * first openings. A PillBox period starts at the earlier of the moment the mapping was saved ({@code assignedAt},
 * not the earlier instant a first mapping reaches back to so that history is attributed) and the first opening
 * from that device attributed to the client, and ends with the assignment. A device counts as a PillBox when its
 * vendor says so or when it sent openings. A client with openings but no such assignment (data from before device
 * mapping existed) is monitored from its first opening.
 */
@Service
class MonitoringPeriods {

    private static final ReadingType OPENED = ReadingType.MEDICATION_COMPARTMENT_OPENED;
    private final DeviceAssignments assignments;
    private final MeasurementQueries measurements;

    MonitoringPeriods(DeviceAssignments assignments, MeasurementQueries measurements) {
        this.assignments = assignments;
        this.measurements = measurements;
    }

    Monitoring of(OrganizationId organization, ClientId client) {
        return of(organization, List.of(client.value())).getOrDefault(client.value(), Monitoring.NONE);
    }

    /** Each client's monitoring (clients never monitored map to {@link Monitoring#NONE} or are left out). */
    Map<UUID, Monitoring> of(OrganizationId organization, Collection<UUID> clients) {
        List<Assignment> held = assignments.held(organization, clients);
        List<DeviceSpan> spans = held.stream().map(MonitoringPeriods::span).toList();
        Map<DeviceSpan, Instant> firstOpenings = measurements.firstMeasured(organization, spans, OPENED);
        Map<UUID, List<Monitoring.MonitoredPeriod>> periods = new HashMap<>();
        for (int i = 0; i < held.size(); i++) {
            Assignment a = held.get(i);
            Instant firstOpening = firstOpenings.get(spans.get(i));
            if (a.pillBox() || firstOpening != null) {
                Instant from = firstOpening != null && firstOpening.isBefore(a.assignedAt()) ? firstOpening
                        : a.assignedAt();
                periods.computeIfAbsent(a.clientId().value(), c -> new ArrayList<>())
                        .add(new Monitoring.MonitoredPeriod(from, a.endedAt()));
            }
        }
        List<UUID> unmapped = clients.stream().filter(c -> !periods.containsKey(c)).toList();
        measurements.firstMeasured(organization, unmapped, Set.of(OPENED)).forEach((client, first) ->
                periods.put(client, List.of(new Monitoring.MonitoredPeriod(first, null))));
        Map<UUID, Monitoring> monitoring = new HashMap<>();
        periods.forEach((client, list) -> monitoring.put(client, new Monitoring(list)));
        return monitoring;
    }

    private static DeviceSpan span(Assignment a) {
        return new DeviceSpan(a.clientId().value(), a.deviceId(), a.effectiveFrom(), a.endedAt());
    }
}
