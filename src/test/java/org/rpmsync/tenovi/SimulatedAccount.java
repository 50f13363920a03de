package org.rpmsync.tenovi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.Fixtures;
import org.rpmsync.TestPorts;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A fresh account in the running simulator (its control API), linked to an organization of ours. */
public final class SimulatedAccount {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String domain = "map-" + UUID.randomUUID().toString().substring(0, 8);
    public final String key = "sim-key-" + UUID.randomUUID();
    private final String base = "http://127.0.0.1:" + TestPorts.APP + "/simulator/tenovi";

    /** Creates the account and links {@code organization} (Tenovi enabled) to it. */
    public static SimulatedAccount linkedTo(Organization organization, Fixtures fixtures) {
        SimulatedAccount account = new SimulatedAccount();
        account.control("accounts", Map.of("client_domain", account.domain, "api_keys", List.of(account.key),
                "requests_per_second", 10_000.0));
        fixtures.link(organization, account.domain, account.key);
        return account;
    }

    /** Adds a patient with devices of these kinds (PILLBOX, BPM, …); returns the new HWI device ids. */
    public List<String> patient(String externalId, String status, String... kinds) {
        var body = new java.util.HashMap<String, Object>(Map.of("external_id", externalId, "devices", List.of(kinds)));
        if (status != null) {
            body.put("device_status", status);
        }
        Map<String, Object> answer = control("accounts/" + domain + "/patients", body);
        @SuppressWarnings("unchecked")
        var devices = (List<Map<String, Object>>) answer.get("devices");
        return devices.stream().map(d -> (String) d.get("id")).toList();
    }

    /** The account's webhooks as Tenovi's own API lists them ({@code GET hwi/webhooks/} with the account's key). */
    public List<Map<String, Object>> webhooks() {
        return JSON.readValue(hwi("GET", "webhooks/", null).body(), new TypeReference<List<Map<String, Object>>>() { });
    }

    /** One call to the simulated HWI API below {@code /clients/{domain}/hwi/}, with the account's key. */
    public HttpResponse<String> hwi(String method, String path, Object body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + "/clients/" + domain + "/hwi/" + path))
                    .header("Authorization", "Api-Key " + key).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Actor actor(OrganizationId organization) {
        return new Actor() {
            public Optional<OrganizationId> organization() {
                return Optional.of(organization);
            }

            public String auditName() {
                return "test:mapping";
            }

            public boolean platform() {
                return false;
            }
        };
    }

    private Map<String, Object> control(String path, Object body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + "/_control/" + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("simulator control " + path + ": " + response.body());
            }
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
