package org.rpmsync.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audited actions in plain language, for people reading the audit log. An unknown code is shown as itself. */
public final class AuditActions {

    private static final Map<String, String> PLAIN = new LinkedHashMap<>();

    static {
        PLAIN.put("CLIENT_VIEWED", "Viewed client record");
        PLAIN.put("CLIENT_CREATED", "Added client");
        PLAIN.put("CLIENT_UPDATED", "Changed client details");
        PLAIN.put("REPORT_EXPORTED", "Exported client report");
        PLAIN.put("PATIENT_ID_SAVED", "Saved Tenovi Patient ID");
        PLAIN.put("DEVICE_ASSIGNED", "Assigned device");
        PLAIN.put("DEVICE_UNASSIGNED", "Unassigned device");
        PLAIN.put("ADHERENCE_SCHEDULE_CHANGED", "Changed dosing schedule");
        PLAIN.put("ADHERENCE_REASON_NOTED", "Noted reason for a missed dose");
        PLAIN.put("OVERVIEW_VIEWED", "Viewed organization overview");
        PLAIN.put("TENOVI_DEVICES_VIEWED", "Viewed Tenovi devices");
        PLAIN.put("TENOVI_REFRESH_REQUESTED", "Requested Tenovi refresh");
        PLAIN.put("TENOVI_MAPPING_PREVIEWED", "Previewed device mapping file");
        PLAIN.put("TENOVI_MAPPING_APPLIED", "Applied device mapping file");
        PLAIN.put("TENOVI_LINKED", "Linked Tenovi account");
        PLAIN.put("TENOVI_UNLINKED", "Unlinked Tenovi account");
        PLAIN.put("TENOVI_TESTED", "Tested Tenovi connection");
        PLAIN.put("TENOVI_KEY_REPLACED", "Replaced Tenovi API key");
        PLAIN.put("TENOVI_WEBHOOK_REGISTERED", "Registered Tenovi webhook");
        PLAIN.put("TENOVI_CHANGE", "Changed Tenovi settings");
        PLAIN.put("WEBHOOK_SECRET_ROTATED", "Rotated webhook secret");
        PLAIN.put("TENOVI_ENABLED", "Enabled Tenovi");
        PLAIN.put("TENOVI_DISABLED", "Disabled Tenovi");
        PLAIN.put("ORGANIZATION_CREATED", "Created organization");
        PLAIN.put("STAFF_ADDED", "Added staff member");
        PLAIN.put("STAFF_ROLE_CHANGED", "Changed staff role");
        PLAIN.put("STAFF_DEACTIVATED", "Deactivated staff member");
        PLAIN.put("STAFF_REACTIVATED", "Reactivated staff member");
        PLAIN.put("PASSWORD_RESET_ISSUED", "Issued password reset link");
        PLAIN.put("PASSWORD_RESET_COMPLETED", "Reset password with link");
        PLAIN.put("PASSWORD_CHANGED", "Changed own password");
        PLAIN.put("TOKEN_CREATED", "Created API token");
        PLAIN.put("TOKEN_REVOKED", "Revoked API token");
        PLAIN.put("AUDIT_EXPORTED", "Exported audit log");
        PLAIN.put("LOGIN_FAILED", "Failed sign-in");
        PLAIN.put("LOGIN_THROTTLED", "Sign-in throttled");
    }

    private AuditActions() {
    }

    public static String describe(String code) {
        return PLAIN.getOrDefault(code, code);
    }

    /** Every known code with its plain-language name, in a stable order (for filter choices). */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(PLAIN);
    }
}
