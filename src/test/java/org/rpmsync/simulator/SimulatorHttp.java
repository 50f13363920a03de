package org.rpmsync.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running simulator over real HTTP, redirects not followed (like the app's Tenovi client). */
public final class SimulatorHttp {

    final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public SimulatorHttp(int port) {
        this.base = "http://127.0.0.1:" + port + "/simulator/tenovi";
    }

    public String api(String domain) {
        return base + "/clients/" + domain + "/hwi";
    }

    public HttpResponse<String> get(String url, String apiKey) {
        var request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Api-Key " + apiKey);
        }
        return send(request);
    }

    public HttpResponse<String> post(String url, String apiKey, Object body) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (apiKey != null) {
            request.header("Authorization", "Api-Key " + apiKey);
        }
        return send(request);
    }

    public HttpResponse<String> control(String path, Object body) {
        return post(base + "/_control/" + path, null, body);
    }

    /** A fresh account with one key; unthrottled unless {@code requestsPerSecond} is given. */
    public String newAccount(String key, Double requestsPerSecond) {
        var domain = "test-" + UUID.randomUUID().toString().substring(0, 8);
        var body = new java.util.HashMap<String, Object>(Map.of("client_domain", domain, "api_keys", List.of(key)));
        body.put("requests_per_second", requestsPerSecond == null ? 10_000.0 : requestsPerSecond);
        var response = control("accounts", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("account not created: " + response.body());
        }
        return domain;
    }

    /** Adds a patient with devices; returns the new HWI device ids in the order of {@code kinds}. */
    public List<String> newPatient(String domain, String externalId, String behaviour, String... kinds) {
        var response = control("accounts/" + domain + "/patients",
                Map.of("external_id", externalId, "behaviour", behaviour, "devices", List.of(kinds)));
        Map<String, Object> body = map(response.body());
        @SuppressWarnings("unchecked")
        var devices = (List<Map<String, Object>>) body.get("devices");
        return devices.stream().map(d -> (String) d.get("id")).toList();
    }

    public Map<String, Object> map(String body) {
        return json.readValue(body, new TypeReference<Map<String, Object>>() { });
    }

    public List<Map<String, Object>> list(String body) {
        return json.readValue(body, new TypeReference<List<Map<String, Object>>>() { });
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
