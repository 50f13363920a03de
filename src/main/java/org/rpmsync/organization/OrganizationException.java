package org.rpmsync.organization;

import java.util.List;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A rule of this module was broken; {@code code} is stable and safe to show (e.g. {@code slug_taken}). */
public class OrganizationException extends RuntimeException {

    private final String code;

    public OrganizationException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** As an API problem: {@code *_taken} is a conflict (409), anything else invalid input (422). */
    public ApiProblem problem() {
        String field = field();
        if (code.endsWith("_taken")) {
            return new ApiProblem(HttpStatus.CONFLICT, code, getMessage());
        }
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, getMessage(), field == null ? List.of()
                : List.of(new ApiProblem.FieldProblem(field, getMessage().substring(field.length() + 1).strip())));
    }

    /** The form field this problem is about, when the message names one ({@code "field: message"}). */
    public String field() {
        int colon = getMessage().indexOf(':');
        return colon > 0 ? getMessage().substring(0, colon) : null;
    }

    public String code() {
        return code;
    }
}
