package org.rpmsync.clients;

import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A mapping rule was broken: {@code patient_id_taken} or {@code device_assigned_elsewhere} (409, naming the client
 * that holds it: same clinic, so safe to say), {@code invalid_input} (422) or {@code not_found} (404).
 */
public class MappingRejected extends RuntimeException {

    private final String code;
    private final ClientId holder;

    MappingRejected(String code, String message, ClientId holder) {
        super(message);
        this.code = code;
        this.holder = holder;
    }

    public String code() {
        return code;
    }

    /** The client holding the Patient ID or device, for conflicts. */
    public ClientId holder() {
        return holder;
    }

    public ApiProblem problem() {
        HttpStatus status = switch (code) {
            case "patient_id_taken", "device_assigned_elsewhere" -> HttpStatus.CONFLICT;
            case "not_found" -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return new ApiProblem(status, code, getMessage());
    }
}
