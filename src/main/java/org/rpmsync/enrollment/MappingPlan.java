package org.rpmsync.enrollment;

import java.util.List;
import org.rpmsync.clients.Client;
import org.rpmsync.tenovi.AccountDevice;

/**
 * What one row of a bulk mapping file will change (or did change, once applied). {@code client} is null when no
 * client matched; {@code patientId} says what happens to the Patient ID; each device has its own action.
 */
record MappingPlan(MappingCsv.Row row, Client client, String clientProblem, PatientIdAction patientId,
                   String patientIdDetail, List<DevicePlan> devices) {

    enum PatientIdAction { NONE, SET, UNCHANGED, CONFLICT, INVALID }

    enum DeviceAction { ADD, MOVE, ALREADY, UNKNOWN, INVALID, DUPLICATE, UNCHECKED }

    record DevicePlan(String hwiDeviceId, DeviceAction action, String detail, AccountDevice device) {

        public boolean changes() {
            return action == DeviceAction.ADD || action == DeviceAction.MOVE;
        }

        public boolean problem() {
            return action == DeviceAction.UNKNOWN || action == DeviceAction.INVALID
                    || action == DeviceAction.DUPLICATE || action == DeviceAction.UNCHECKED;
        }
    }

    public boolean found() {
        return client != null;
    }

    /** Whether applying the row changes anything. */
    public boolean changes() {
        return found() && (patientId == PatientIdAction.SET || devices.stream().anyMatch(DevicePlan::changes));
    }

    /** Whether some part of the row cannot be applied. */
    public boolean problems() {
        return !found() || patientId == PatientIdAction.CONFLICT || patientId == PatientIdAction.INVALID
                || devices.stream().anyMatch(DevicePlan::problem);
    }

    /** "email" or "externalId" value the row was matched by, for people. */
    public String key() {
        return row.externalId() != null ? "externalId " + row.externalId() : "email " + row.email();
    }
}
