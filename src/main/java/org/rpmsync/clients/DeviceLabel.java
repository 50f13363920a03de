package org.rpmsync.clients;

/**
 * The one rule for showing a device on any page: its name and the last three characters of its id,
 * "Tenovi Pillbox · …f2b"; "Device · …f2b" while its name is not known yet. The full id stays available to pages
 * (title, copy) but is not how people recognise a device.
 */
public record DeviceLabel(String name, String deviceId) {

    static final String UNNAMED = "Device";

    public static String of(String name, String deviceId) {
        return new DeviceLabel(name, deviceId).text();
    }

    public String text() {
        String shown = name == null || name.isBlank() ? UNNAMED : name.strip();
        String id = deviceId == null ? "" : deviceId.strip();
        if (id.isEmpty()) {
            return shown;
        }
        return shown + " · " + (id.length() <= 3 ? id : "…" + id.substring(id.length() - 3));
    }

    @Override
    public String toString() {
        return text();
    }
}
