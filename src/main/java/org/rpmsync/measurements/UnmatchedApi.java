package org.rpmsync.measurements;

import java.time.Instant;
import java.util.List;
import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/unmatched}: readings no client could be found for, by device and Patient ID (spec §5). */
@RestController
class UnmatchedApi {

    private final UnmatchedReadings unmatched;

    UnmatchedApi(UnmatchedReadings unmatched) {
        this.unmatched = unmatched;
    }

    record UnmatchedResponse(String source, String hwiDeviceId, String patientId, long count, Instant firstMeasuredAt,
                             Instant lastReceivedAt) {
    }

    record UnmatchedList(List<UnmatchedResponse> items, long total) {
    }

    @GetMapping("/api/v1/unmatched")
    UnmatchedList list(@AuthenticationPrincipal Actor actor) {
        List<UnmatchedResponse> items = unmatched.groups(actor.organizationId()).stream()
                .map(g -> new UnmatchedResponse(g.source(), g.deviceId(), g.patientId(), g.count(), g.firstMeasuredAt(),
                        g.lastReceivedAt()))
                .toList();
        return new UnmatchedList(items, items.stream().mapToLong(UnmatchedResponse::count).sum());
    }
}
