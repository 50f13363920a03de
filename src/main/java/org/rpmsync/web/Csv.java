package org.rpmsync.web;

import java.util.List;
import java.util.stream.Collectors;

/** The one CSV writing rule of every export: RFC 4180 quoting, CRLF line ends, and no spreadsheet formulas. */
public final class Csv {

    private Csv() {
    }

    public static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets never run it as a formula. */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
