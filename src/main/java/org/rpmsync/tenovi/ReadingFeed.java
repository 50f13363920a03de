package org.rpmsync.tenovi;

import org.springframework.web.util.UriUtils;

/**
 * A list of readings in Tenovi: one device's or one Patient ID's. {@code key} ({@code device:<id>} or
 * {@code patient:<id>}) names it in our tables and in the reasons of items kept from it.
 */
public record ReadingFeed(String key) {

    public static ReadingFeed device(String hwiDeviceId) {
        return new ReadingFeed("device:" + hwiDeviceId);
    }

    public static ReadingFeed patient(String patientId) {
        return new ReadingFeed("patient:" + patientId);
    }

    /** Whether this is one device's list (not a Patient ID's). */
    public boolean device() {
        return key.startsWith("device:");
    }

    /** The HWI device id or Patient ID. */
    public String id() {
        return key.substring(key.indexOf(':') + 1);
    }

    /** Tenovi's path of the list. */
    String path() {
        return (device() ? "hwi/hwi-devices/" : "hwi/patients/") + UriUtils.encodePathSegment(id(), "UTF-8")
                + "/measurements/";
    }
}
