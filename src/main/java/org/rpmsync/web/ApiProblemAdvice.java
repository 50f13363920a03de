package org.rpmsync.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Turns every error of a REST controller into {@code application/problem+json} with a stable {@code code}. */
@org.springframework.core.annotation.Order(0)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return problem.response();
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<ApiProblem.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        String detail = fields.isEmpty() ? "The request is invalid."
                : fields.get(0).field() + ": " + fields.get(0).message();
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_input", detail, fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException databind && !(databind instanceof StreamReadException)
                && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String original = databind.getOriginalMessage();
            String message = original != null && original.startsWith("contains ") ? original
                    : "has the wrong type or format";
            return respond(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_input", field + ": " + message,
                    List.of(new ApiProblem.FieldProblem(field, message)));
        }
        return respond(HttpStatus.BAD_REQUEST, "malformed_json", "The request body is not valid JSON.", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, "invalid_parameter", e.getName() + " has the wrong format.",
                List.of(new ApiProblem.FieldProblem(e.getName(), "has the wrong format")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMethod() + " is not allowed here.",
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send application/json.",
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                "Answers here are application/json (errors application/problem+json): accept one of them.", List.of());
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ProblemDetail> binding(ServletRequestBindingException e) {
        return respond(HttpStatus.BAD_REQUEST, "bad_request", "A required parameter or header is missing.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (ErrorAnswers.databaseUnavailable(e)) {
            log.warn("The database did not answer an API call in time ({})", e.getClass().getSimpleName());
            ResponseEntity<ProblemDetail> unavailable = respond(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "We cannot reach our database right now. Please retry.", List.of());
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header("Retry-After", ErrorAnswers.RETRY_AFTER_SECONDS).body(unavailable.getBody());
        }
        log.error("Unexpected error in an API call", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side. It has been logged.", List.of());
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail,
                                                         List<ApiProblem.FieldProblem> fields) {
        return new ApiProblem(status, code, detail, fields).response();
    }
}
