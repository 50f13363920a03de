package org.rpmsync.enrollment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bulk mapping file: CSV (RFC 4180 quoting, comma or semicolon-free columns) with a header row naming
 * {@code email} and/or {@code externalId}, and {@code patientId} and/or {@code hwiIds} (HWI IDs separated by
 * {@code ;}). Column names are matched ignoring case, spaces and underscores; other columns are ignored.
 */
final class MappingCsv {

    static final int MAX_ROWS = 2_000;
    static final int MAX_BYTES = 1024 * 1024;

    /** One data row; {@code line} is its 1-based row number in the file, counting the header as row 1. */
    record Row(int line, String email, String externalId, String patientId, List<String> hwiIds)
            implements Serializable {

        Row {
            hwiIds = List.copyOf(hwiIds);
        }
    }

    /** Why a whole file was refused, as a sentence for people. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private MappingCsv() {
    }

    static List<Row> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Refused("The file is empty. The first row must name the columns, e.g. "
                    + "email,externalId,patientId,hwiIds.");
        }
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        Map<String, Integer> columns = header(records.get(0));
        if (!columns.containsKey("email") && !columns.containsKey("externalid")) {
            throw new Refused("The header row needs an email or an externalId column to find each client.");
        }
        if (!columns.containsKey("patientid") && !columns.containsKey("hwiids")) {
            throw new Refused("The header row needs a patientId or an hwiIds column: there is nothing to map.");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw new Refused("The file has more than " + MAX_ROWS + " rows. Split it into smaller files.");
            }
            rows.add(new Row(i + 1, cell(r, columns, "email"), cell(r, columns, "externalid"),
                    cell(r, columns, "patientid"), ids(cell(r, columns, "hwiids"))));
        }
        if (rows.isEmpty()) {
            throw new Refused("The file has a header row but no clients.");
        }
        return rows;
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String key = names.get(i).replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
            columns.putIfAbsent(key, i);
        }
        return columns;
    }

    private static String cell(List<String> record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static List<String> ids(String cell) {
        if (cell == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : cell.split(";")) {
            if (!id.isBlank() && !ids.contains(id.strip())) {
                ids.add(id.strip());
            }
        }
        return ids;
    }

    /** RFC 4180: fields separated by commas, optionally quoted with doubled quotes inside; CRLF or LF rows. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                if (records.size() > MAX_ROWS + 1 + 1000) {
                    throw new Refused("The file has more than " + MAX_ROWS + " rows. Split it into smaller files.");
                }
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Refused("A quoted value is never closed (a \" is missing).");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** A CSV field, quoted when needed; values starting with = + - @ are prefixed with ' against formula injection. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
