package org.rpmsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The repository's contract ({@code docs/api.md}) and the OpenAPI description name the same REST operations:
 * every operation the app serves under {@code /api/v1} is in the contract, and every one the contract lists
 * (except those marked "(planned)") is served.
 */
@RpmSyncTest
class ApiContractTests extends TestWorld {

    static final Pattern OPERATION = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\\s]*)");

    @Test
    void theContractAndTheOpenApiDescriptionNameTheSameOperations() throws Exception {
        String contract = Files.readString(Path.of("docs/api.md"));
        String built = String.join("\n", contract.lines().filter(line -> !line.contains("(planned)")).toList());
        Set<String> documented = new TreeSet<>();
        Matcher m = OPERATION.matcher(built);
        while (m.find()) {
            documented.add(m.group(1) + " " + normal(m.group(2)));
        }
        // "GET /api/v1/users/{id}` / `PATCH /api/v1/users/{id}": the second method names the same path.
        Matcher also = Pattern.compile("` / `(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\\s]*)").matcher(built);
        while (also.find()) {
            documented.add(also.group(1) + " " + normal(also.group(2)));
        }
        JsonNode paths = new ObjectMapper().readTree(mvc.perform(get("/api/docs/openapi.json")).andReturn()
                .getResponse().getContentAsString()).get("paths");
        Set<String> served = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (path.getKey().startsWith("/api/v1/")) {
                served.add(method.toUpperCase() + " " + normal(path.getKey()));
            }
        }));
        assertThat(served).as("served but not in docs/api.md").isSubsetOf(documented);
        Set<String> undescribed = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (path.getKey().startsWith("/api/v1/") && (op.getValue().path("summary").asText().isBlank()
                    || op.getValue().path("description").asText().isBlank())) {
                undescribed.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(undescribed).as("operations without a summary and description from docs/api.md").isEmpty();
        assertThat(documented).as("in docs/api.md but not served").isSubsetOf(served);
    }

    /** Path parameters named alike: {@code /users/{id}} and {@code /users/{userId}} are one path. */
    static String normal(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("/$", "");
    }
}
