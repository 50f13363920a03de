package org.rpmsync.dataapi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/users/{id}/measurements} (spec §5): a client's readings newest measured first, with keyset
 * paging by an opaque cursor. {@code from}/{@code to} are ISO instants or local dates (to inclusive). Audited.
 */
@RestController
class MeasurementApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    /** The one source readings come from today; any other {@code source} matches nothing. */
    static final String SOURCE = "tenovi";

    private final ClientDirectory clients;
    private final MeasurementQueries measurements;

    MeasurementApi(ClientDirectory clients, MeasurementQueries measurements) {
        this.clients = clients;
        this.measurements = measurements;
    }

    record Page(List<Map<String, Object>> items, String nextCursor) {
    }

    @GetMapping("/api/v1/users/{id}/measurements")
    Page measurements(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                      @RequestParam(required = false) String source, @RequestParam(required = false) String type,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Client client = ApiParameters.client(clients, actor, id, "measurements api");
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be 1 to " + MAX_LIMIT);
        }
        Set<ReadingType> types = type == null || type.isBlank() ? Set.of()
                : Set.of(ReadingType.fromCode(type.strip())
                        .orElseThrow(() -> ApiProblem.invalid("type", "is not a known type")));
        ApiCursor after = cursor == null || cursor.isBlank() ? null : ApiCursor.decode(cursor)
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_cursor",
                        "cursor is not one this API returned."));
        if (source != null && !source.isBlank() && !SOURCE.equalsIgnoreCase(source.strip())) {
            return new Page(List.of(), null);
        }
        ZoneId zone = client.timeZone();
        ReadingFilter filter = new ReadingFilter(types, ApiParameters.instant("from", from, zone, false),
                ApiParameters.instant("to", to, zone, true));
        List<Reading> readings = new ArrayList<>(measurements.readingsAfter(actor.organizationId(),
                client.id().value(), filter, after == null ? null : after.measuredAt(),
                after == null ? null : after.id(), size + 1));
        String next = null;
        if (readings.size() > size) {
            readings = readings.subList(0, size);
            next = ApiCursor.after(readings.get(size - 1)).encode();
        }
        Map<String, Reading> pulses = pulses(actor, client, readings);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Reading r : readings) {
            Map<String, Object> item = ApiItems.item(r, zone);
            Reading pulse = r.type() == ReadingType.BLOOD_PRESSURE ? pulses.get(r.measurementKey()) : null;
            if (pulse != null) {
                item.put("pulse", pulse.value1());
            }
            items.add(item);
        }
        return new Page(items, next);
    }

    /** The pulse readings sent with the page's blood pressure readings, by device, time and measurement_index. */
    private Map<String, Reading> pulses(Actor actor, Client client, List<Reading> readings) {
        List<Reading> bp = readings.stream().filter(r -> r.type() == ReadingType.BLOOD_PRESSURE).toList();
        Map<String, Reading> byKey = new HashMap<>();
        if (!bp.isEmpty()) {
            Instant first = bp.get(bp.size() - 1).measuredAt();
            Instant last = bp.get(0).measuredAt().plusMillis(1);
            measurements.readings(actor.organizationId(), client.id().value(),
                            new ReadingFilter(Set.of(ReadingType.PULSE), first, last), 0, MAX_LIMIT * 4)
                    .forEach(p -> byKey.putIfAbsent(p.measurementKey(), p));
        }
        return byKey;
    }
}
