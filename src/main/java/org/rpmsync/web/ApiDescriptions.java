package org.rpmsync.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes each operation of the OpenAPI document from the HTTP contract ({@code docs/api.md}, packaged with the
 * app): the contract's table row of an operation gives its summary (the result) and description (body and result,
 * examples included), so the two never tell different stories.
 */
@Component
class ApiDescriptions implements OpenApiCustomizer {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\\s]*)[^`]*`(?: / `(GET|POST|PUT|PATCH|DELETE) [^`]*`)? \\| (.*?) \\| (.*) \\|$");
    private static final Pattern ARROW = Pattern.compile(
            "^`(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\\s]*)[^`]*` → (.*)$");
    private final Map<String, String[]> rows = new HashMap<>();

    ApiDescriptions() {
        try (InputStream in = ApiDescriptions.class.getResourceAsStream("/docs/api.md")) {
            if (in == null) {
                return;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher arrow = ARROW.matcher(line.strip());
                if (arrow.matches()) {
                    rows.putIfAbsent(arrow.group(1) + " " + shape(arrow.group(2)), new String[] {"—", arrow.group(3)});
                }
                Matcher m = ROW.matcher(line.strip());
                if (m.matches()) {
                    String[] text = {m.group(4).replace("\\|", "|"), m.group(5).replace("\\|", "|")};
                    rows.put(m.group(1) + " " + shape(m.group(2)), text);
                    if (m.group(3) != null) {
                        rows.put(m.group(3) + " " + shape(m.group(2)), text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        api.getInfo().title("RPM Sync API").description("The HTTP contract of RPM Sync: REST for integrators "
                + "(Bearer tokens), the Tenovi webhook, problem+json errors with a stable code.");
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(method, path, operation)));
    }

    private void describe(PathItem.HttpMethod method, String path, Operation operation) {
        String[] row = rows.get(method.name() + " " + shape(path));
        if (row == null) {
            return;
        }
        String result = row[1].replace("`", "");
        operation.setSummary(result.length() > 120 ? result.substring(0, 117) + "…" : result);
        operation.setDescription(("—".equals(row[0]) ? "" : "**Body:** " + row[0] + "\n\n") + "**Result:** " + row[1]);
    }

    private static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("/$", "");
    }
}
