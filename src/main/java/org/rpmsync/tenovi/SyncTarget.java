package org.rpmsync.tenovi;

import org.springframework.web.util.UriUtils;

/** What one job walks: a device's or a Patient ID's measurement list, and the key of its cursor. */
record SyncTarget(String cursorKey, String path) {

    static SyncTarget device(String hwiDeviceId) {
        return new SyncTarget("device:" + hwiDeviceId,
                "hwi/hwi-devices/" + UriUtils.encodePathSegment(hwiDeviceId, "UTF-8") + "/measurements/");
    }

    /** Whether this walks one device's list (not a Patient ID's). */
    boolean device() {
        return cursorKey.startsWith("device:");
    }

    /** The HWI device id or Patient ID. */
    String id() {
        return cursorKey.substring(cursorKey.indexOf(':') + 1);
    }

    static SyncTarget patient(String patientId) {
        return new SyncTarget("patient:" + patientId,
                "hwi/patients/" + UriUtils.encodePathSegment(patientId, "UTF-8") + "/measurements/");
    }
}
