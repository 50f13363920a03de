package org.rpmsync.measurements;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rpmsync.clients.DeviceNames;
import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/unmatched}: readings no client could be found for, by device and Patient ID (spec §5), with the
 * device's name when one is known (from an earlier mapping).
 */
@RestController
class UnmatchedApi {

    private final UnmatchedReadings unmatched;
    private final DeviceNames names;

    UnmatchedApi(UnmatchedReadings unmatched, DeviceNames names) {
        this.unmatched = unmatched;
        this.names = names;
    }

    record UnmatchedResponse(String source, String hwiDeviceId, String deviceName, String patientId, long count, Instant firstMeasuredAt,
                             Instant lastReceivedAt) {
    }

    record UnmatchedList(List<UnmatchedResponse> items, long total) {
    }

    @GetMapping("/api/v1/unmatched")
    UnmatchedList list(@AuthenticationPrincipal Actor actor) {
        List<UnmatchedGroup> groups = unmatched.groups(actor.organizationId());
        Map<String, String> known = names.names(actor.organizationId(),
                groups.stream().map(UnmatchedGroup::deviceId).distinct().toList());
        List<UnmatchedResponse> items = groups.stream()
                .map(g -> new UnmatchedResponse(g.source(), g.deviceId(), known.get(g.deviceId()), g.patientId(),
                        g.count(), g.firstMeasuredAt(), g.lastReceivedAt()))
                .toList();
        return new UnmatchedList(items, items.stream().mapToLong(UnmatchedResponse::count).sum());
    }
}
