package org.rpmsync.measurements;

/** Readings keep their units in UCUM ({@code mm[Hg]}, {@code /min}, …); this is how people read them. */
public final class Units {

    private Units() {
    }

    /** mmHg, bpm, %, mg/dL, lb, °F: the human form of a UCUM unit. */
    public static String human(String ucum) {
        if (ucum == null) {
            return "";
        }
        return switch (ucum) {
            case "mm[Hg]" -> "mmHg";
            case "/min" -> "bpm";
            case "[lb_av]" -> "lb";
            case "[degF]" -> "°F";
            case "Cel", "[degC]" -> "°C";
            case "{steps}" -> "steps";
            case "L/min", "l/min" -> "L/min";
            default -> ucum;
        };
    }
}
