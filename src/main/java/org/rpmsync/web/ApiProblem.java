package org.rpmsync.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * An API error that becomes an RFC 9457 problem: a stable machine-readable {@code code}, a human {@code detail}
 * and, for invalid input, the fields at fault. The detail must never contain secrets, SQL or stack traces.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fields;

    public ApiProblem(HttpStatus status, String code, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public ApiProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not_found", what + " was not found.");
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_input", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    /** This problem as an {@code application/problem+json} response. */
    public ResponseEntity<ProblemDetail> response() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, getMessage());
        body.setType(URI.create("urn:rpmsync:problem:" + code));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        if (!fields.isEmpty()) {
            body.setProperty("errors", fields);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** One invalid field and why. */
    public record FieldProblem(String field, String message) {
    }
}
