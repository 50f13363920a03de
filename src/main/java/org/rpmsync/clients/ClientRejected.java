package org.rpmsync.clients;

import java.util.List;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A client change broke a rule. {@code code} is stable ({@code invalid_input}, {@code external_id_taken});
 * {@code fields} names each field at fault with a message that is safe to show (it never repeats the value).
 */
public class ClientRejected extends RuntimeException {

    private final String code;
    private final List<FieldProblem> fields;

    public ClientRejected(String code, List<FieldProblem> fields) {
        super(fields.isEmpty() ? code : fields.get(0).field() + ": " + fields.get(0).message());
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    static ClientRejected externalIdTaken() {
        return new ClientRejected("external_id_taken",
                List.of(new FieldProblem("externalId", "is already used by another client")));
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** As an API problem: a taken externalId is a conflict (409), anything else invalid input (422). */
    public ApiProblem problem() {
        HttpStatus status = code.endsWith("_taken") ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        return new ApiProblem(status, code, getMessage(),
                fields.stream().map(f -> new ApiProblem.FieldProblem(f.field(), f.message())).toList());
    }

    /** One field at fault and why. */
    public record FieldProblem(String field, String message) {
    }
}
