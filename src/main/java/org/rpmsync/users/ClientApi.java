package org.rpmsync.users;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.clients.BulkUpsertResult;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.ClientPage;
import org.rpmsync.clients.ClientRejected;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The User Management API (spec §4) for an organization token; the organization comes from the token. (Its name
 * keeps the API description's tag, {@code client-api}.)
 */
@RestController
@RequestMapping("/api/v1/users")
class ClientApi {

    static final int MAX_PAGE_SIZE = 200;
    private static final List<String> FIELDS = List.of("firstName", "lastName", "email", "externalId", "timeZone");

    private final ClientDirectory clients;

    ClientApi(ClientDirectory clients) {
        this.clients = clients;
    }

    record UserList(List<UserResponse> items, int page, int size, long total) {
    }

    record BulkRequest(List<UserRequest> users) {
    }

    record BulkRow(int index, String status, UUID id, String code, String detail) {
        static BulkRow of(BulkUpsertResult r) {
            return new BulkRow(r.index(), r.status().name().toLowerCase(Locale.ROOT),
                    r.id() == null ? null : r.id().value(), r.code(), r.detail());
        }
    }

    record BulkResponse(List<BulkRow> results) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(@AuthenticationPrincipal Actor actor, @RequestBody UserRequest request) {
        return UserResponse.of(clients.create(actor.organizationId(), actor, request.details()));
    }

    @GetMapping
    UserList list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String externalId,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiProblem.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        ClientPage found = clients.search(actor.organizationId(), q, externalId, page, size);
        return new UserList(found.items().stream().map(UserResponse::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/{id}")
    UserResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return clients.view(actor.organizationId(), actor, id, "api").map(UserResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("User"));
    }

    /** Partial update: absent fields stay; {@code null} clears email or externalId and resets the time zone. */
    @PatchMapping("/{id}")
    UserResponse patch(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                       @RequestBody Map<String, Object> body) {
        Client current = ClientId.parse(id).flatMap(cid -> clients.find(actor.organizationId(), cid)).orElse(null);
        ClientDetails changed = current == null ? null : patched(current.details(), body);
        return clients.update(actor.organizationId(), actor, id, changed).map(UserResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("User"));
    }

    @PostMapping("/bulk")
    BulkResponse bulk(@AuthenticationPrincipal Actor actor, @RequestBody BulkRequest request) {
        if (request.users() == null) {
            throw ApiProblem.invalid("users", "is required");
        }
        List<ClientDetails> rows = request.users().stream().map(u -> u == null ? null : u.details()).toList();
        return new BulkResponse(clients.bulkUpsert(actor.organizationId(), actor, rows).stream()
                .map(BulkRow::of).toList());
    }

    @ExceptionHandler(ClientRejected.class)
    ResponseEntity<ProblemDetail> rejected(ClientRejected e) {
        return e.problem().response();
    }

    private static ClientDetails patched(ClientDetails current, Map<String, Object> body) {
        String[] values = {current.firstName(), current.lastName(), current.email(), current.externalId(),
                current.timeZone()};
        for (int i = 0; i < FIELDS.size(); i++) {
            String field = FIELDS.get(i);
            if (body.containsKey(field)) {
                values[i] = text(field, body.get(field));
            }
        }
        return new ClientDetails(values[0], values[1], values[2], values[3], values[4]);
    }

    private static String text(String field, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw ApiProblem.invalid(field, "has the wrong type or format");
    }
}
