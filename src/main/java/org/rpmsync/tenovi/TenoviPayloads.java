package org.rpmsync.tenovi;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rpmsync.web.StorableText;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Tenovi's JSON — the one place that parses it (webhook bodies, list pages, devices, webhooks) and knows its
 * quirks: an object or an array, keys with stray spaces
 * (Tenovi's own docs show {@code "status "}), values as strings or numbers, {@code value_2} null, second or
 * microsecond timestamps, {@code filter_params} null, absent or an object. Every item is either read or kept
 * with a reason; one bad item never costs its siblings.
 */
@Component
class TenoviPayloads {

    private static final int RAW_LIMIT = 2000;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** One page of a list: its items, and the {@code next} page's URL (null on the last page). */
    record ListPage(List<JsonNode> items, String next) {
    }

    /** A 2xx answer bound to one of the Tenovi records; {@link TenoviUnavailable} for anything else. */
    static <T> T answer(TenoviResponse response, Class<T> type) {
        if (!response.ok()) {
            throw new TenoviUnavailable("HTTP " + response.status() + " from Tenovi", null);
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new TenoviUnavailable("Tenovi sent an answer we could not read", null);
        }
    }

    /**
     * A page of a list: a bare array (the last page), or DRF's envelope with {@code results} and {@code next}
     * (absent, null or blank on the last page). {@link TenoviUnavailable} with {@code unreadable} when it is neither.
     */
    static ListPage listPage(String body, String unreadable) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new TenoviUnavailable(unreadable, null);
        }
        List<JsonNode> items = new ArrayList<>();
        (root.isArray() ? root : root.path("results")).forEach(items::add);
        String next = root.isArray() ? null : text(root.get("next"));
        return new ListPage(items, next == null || next.isEmpty() ? null : next);
    }

    /** One item of a list page bound to a Tenovi record; {@link TenoviUnavailable} when it does not fit. */
    static <T> T item(JsonNode item, Class<T> type) {
        try {
            return JSON.treeToValue(item, type);
        } catch (JacksonException e) {
            throw new TenoviUnavailable("Tenovi sent an answer we could not read", null);
        }
    }

    TenoviDelivery read(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedPayload("The body is not valid JSON.");
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new MalformedPayload("The body must be a JSON object or an array of objects.");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isObject()) {
            items.add(root);
        } else {
            root.forEach(items::add);
        }
        var measurements = new ArrayList<TenoviMeasurement>();
        var statuses = new ArrayList<Readings.DeviceStatus>();
        var rejected = new ArrayList<TenoviDelivery.RejectedItem>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                String unstorable = unstorable(item, "");
                if (unstorable != null) {
                    throw new InvalidItem(unstorable);
                }
                Map<String, JsonNode> fields = trimmedFields(item);
                if (fields.containsKey("metric")) {
                    measurements.add(measurement(fields));
                } else if (fields.containsKey("status")) {
                    statuses.add(status(fields));
                } else {
                    throw new InvalidItem("neither a measurement (no metric) nor a fulfillment update (no status)");
                }
            } catch (InvalidItem e) {
                String raw = item.toString();
                rejected.add(new TenoviDelivery.RejectedItem(i, e.getMessage(),
                        raw.length() > RAW_LIMIT ? raw.substring(0, RAW_LIMIT) : raw));
            }
        }
        return new TenoviDelivery(measurements, statuses, rejected);
    }

    /** Reads one measurement object of an API page (same fields as the webhook). */
    TenoviMeasurement measurement(JsonNode item) {
        String unstorable = unstorable(item, "");
        if (unstorable != null) {
            throw new InvalidItem(unstorable);
        }
        return measurement(trimmedFields(item));
    }

    private TenoviMeasurement measurement(Map<String, JsonNode> f) {
        String metric = limited(required(f, "metric"), "metric", 64);
        String device = limited(required(f, "hwi_device_id"), "hwi_device_id", 64);
        String patient = limited(text(f.get("patient_id")), "patient_id", 128);
        String value1 = limited(text(f.get("value_1")), "value_1", 64);
        String value2 = limited(text(f.get("value_2")), "value_2", 64);
        limited(filterText(f.get("filter_params"), "measurement_index"), "filter_params.measurement_index", 32);
        Instant timestamp = time(f.get("timestamp"), true);
        return new TenoviMeasurement(metric, text(f.get("device_name")), device, patient, text(f.get("hardware_uuid")),
                text(f.get("sensor_code")), value1, value2, time(f.get("created"), false), timestamp,
                offsetMinutes(f.get("timezone_offset")), flag(f.get("estimated_timestamp")),
                filterParams(f.get("filter_params")));
    }

    private static Readings.DeviceStatus status(Map<String, JsonNode> f) {
        return new Readings.DeviceStatus(limited(required(f, "hwi_device_id"), "hwi_device_id", 64),
                limited(required(f, "status"), "status", 40));
    }

    /**
     * Why a string of the item (a name or a value, at any depth) cannot be stored as text — a NUL character or
     * half of a surrogate pair, which PostgreSQL text cannot hold — or null when every string can.
     */
    static String unstorable(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            String reason = StorableText.problem(node.asString());
            return reason == null ? null : (path.isEmpty() ? "the item" : path) + " " + reason;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String reason = unstorable(node.get(i), path + "[" + i + "]");
                if (reason != null) {
                    return reason;
                }
            }
        }
        if (node.isObject()) {
            for (var e : node.properties()) {
                String name = e.getKey();
                String shown = path.isEmpty() ? StorableText.escaped(name) : path + "." + StorableText.escaped(name);
                String reason = StorableText.problem(name);
                if (reason != null) {
                    return "the field name " + shown + " " + reason;
                }
                reason = unstorable(e.getValue(), shown);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    private static Map<String, JsonNode> trimmedFields(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new InvalidItem("the item is not a JSON object");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        item.properties().forEach(e -> fields.put(e.getKey().strip(), e.getValue()));
        return fields;
    }

    private static String limited(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidItem(name + " is longer than " + max + " characters");
        }
        return value;
    }

    private static String required(Map<String, JsonNode> f, String name) {
        String value = text(f.get(name));
        if (value == null || value.isEmpty()) {
            throw new InvalidItem(name + " is missing");
        }
        return value;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber() || node.isContainer()) {
            return node.toString();
        }
        return node.asString().strip();
    }

    private static Instant time(JsonNode node, boolean required) {
        String value = text(node);
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new InvalidItem("timestamp is missing");
            }
            return null;
        }
        try {
            Instant parsed = parseTime(node, value);
            if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
                throw new DateTimeException("out of range");
            }
            return parsed;
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            if (required) {
                throw new InvalidItem("timestamp is not an ISO-8601 time between 1900 and 2200: " + abbreviate(value));
            }
            return null;
        }
    }

    private static Instant parseTime(JsonNode node, String value) {
        if (node.isNumber()) {
            long epoch = new BigDecimal(value).longValueExact();
            return epoch > 100_000_000_000L ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
        }
        return TenoviTimestamps.parse(value);
    }

    /**
     * Tenovi sends whole hours ({@code -4} = UTC−4). Values beyond ±14 cannot be hours, so they are read as
     * minutes (some senders do that); fractions of an hour are kept (India is +5.5). Anything else is dropped
     * to null rather than guessed: the reading itself is still stored.
     */
    static Integer offsetMinutes(JsonNode node) {
        String value = text(node);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.abs().compareTo(BigDecimal.valueOf(14)) <= 0) {
                return number.multiply(BigDecimal.valueOf(60)).intValue();
            }
            return number.abs().compareTo(BigDecimal.valueOf(14 * 60)) <= 0 ? number.intValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean flag(JsonNode node) {
        String value = text(node);
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }

    private static Map<String, String> filterParams(JsonNode node) {
        Map<String, String> params = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                String value = text(e.getValue());
                if (value != null) {
                    params.put(e.getKey().strip(), value);
                }
            });
        }
        return params;
    }

    private static String filterText(JsonNode params, String name) {
        return params != null && params.isObject() ? text(params.get(name)) : null;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** Why one item was not read; it is kept with this reason. */
    static final class InvalidItem extends RuntimeException {
        InvalidItem(String reason) {
            super(reason, null, false, false);
        }
    }
}
