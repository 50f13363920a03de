package org.rpmsync.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RealServerTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §3 and §4 against the real server (Tomcat included): odd text, encodings, dates, pages and Accept
 * headers never answer 500; every answer under /api/** and /webhooks/** is problem+json with a stable code, even
 * for requests Tomcat refuses itself; pages get the app's own error page.
 */
@RealServerTest
class HostileRequestTests extends TestWorld {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String contentType, String body) {
        void isProblem(int expectedStatus, String code) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).as(body).startsWith("application/problem+json");
            assertThat(body).contains("\"code\":\"" + code + "\"");
        }
    }

    Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    HttpRequest.Builder api(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    /** Bytes as sent, for what an HTTP client library would refuse to send. */
    Answer raw(String requestLine) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            Matcher type = Pattern.compile("(?im)^content-type:\\s*(.*)$").matcher(text);
            return new Answer(status, type.find() ? type.group(1).strip() : "", text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }

    @Test
    void oddTextDatesPagesAndAcceptHeadersOnTheApiAnswer4xxProblems() throws Exception {
        Organization organization = fixtures.organization();
        String token = fixtures.orgToken(organization);
        send(api("/api/v1/users?q=%00", token)).isProblem(422, "invalid_input");
        send(api("/api/v1/users?q=a%ff", token)).isProblem(400, "bad_request");
        send(api("/api/v1/users?q=%ed%a0%80", token)).isProblem(400, "bad_request");
        send(api("/api/v1/users?ext%00ernalId=1", token)).isProblem(422, "invalid_input");
        Answer page = send(api("/api/v1/users?page=2147483647", token));
        assertThat(page.status()).as(page.body()).isLessThan(500);
        send(api("/api/v1/users?page=99999999999", token)).isProblem(400, "invalid_parameter");
        Answer nul = send(api("/api/v1/users", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"A\\u0000\",\"lastName\":\"B\"}")));
        nul.isProblem(422, "invalid_input");
        assertThat(nul.body()).contains("firstName", "NUL");
        send(api("/api/v1/users/00000000-0000-0000-0000-000000000000/measurements?from=%2B999999999-12-31", token))
                .isProblem(404, "not_found");
        for (String accept : new String[] {"text/html", "application/xml", "image/png"}) {
            send(api("/api/v1/users", token).header("Accept", accept)).isProblem(406, "not_acceptable");
            send(api("/api/v1/nothing-here", token).header("Accept", accept)).isProblem(404, "not_found");
        }
        send(api("/api/v1/nothing-here", token)).isProblem(404, "not_found");
        send(api("/api/v1/users", token).DELETE()).isProblem(405, "method_not_allowed");
        send(api("/api/v1/users", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))).isProblem(415, "unsupported_media_type");
        send(api("/api/v1/users", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{"))).isProblem(400, "malformed_json");
    }

    @Test
    void webhooksAnswerProblemsForEveryRefusal() throws Exception {
        send(api("/webhooks/tenovi/nobody", "x").GET()).isProblem(405, "method_not_allowed");
        send(api("/webhooks/elsewhere", "x").header("Accept", "text/html")).isProblem(404, "not_found");
        send(api("/webhooks/tenovi/nobody", "x").POST(HttpRequest.BodyPublishers.ofString("{}")))
                .isProblem(401, "unauthorized");
        for (String notOneKey : new String[] {"/webhooks/tenovi/", "/webhooks/tenovi/a/b", "/webhooks/tenovi/a.b"}) {
            send(api(notOneKey, "x").POST(HttpRequest.BodyPublishers.ofString("{}"))).isProblem(404, "not_found");
        }
    }

    @Test
    void requestsTomcatRefusesItselfGetOurAnswers() throws Exception {
        raw("GET /api/v1/users/a%2Fb HTTP/1.1").isProblem(400, "bad_request");
        raw("GET /webhooks/tenovi/a%2F..%2Fb HTTP/1.1").isProblem(400, "bad_request");
        raw("GET /api/v1/users?q=" + "x".repeat(20_000) + " HTTP/1.1").isProblem(400, "bad_request");
        raw("GET /api/v1/users/%00 HTTP/1.1").isProblem(400, "bad_request");
        Answer pageWithSlash = raw("GET /clients/a%2Fb HTTP/1.1");
        assertThat(pageWithSlash.status()).isEqualTo(400);
        assertThat(pageWithSlash.contentType()).startsWith("text/html");
        assertThat(pageWithSlash.body()).contains("We couldn't handle that request").doesNotContain("Tomcat", "HTTP Status");
    }

    @Test
    void pagesShowTheAppsOwnErrorPageWithAReadableReason() throws Exception {
        String email = fixtures.staff(fixtures.organization(), Role.ORG_ADMIN);
        signIn(email);
        Answer search = send(page("/clients?q=" + URLEncoder.encode("a\u0000b", StandardCharsets.UTF_8)));
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.contentType()).startsWith("text/html");
        assertThat(search.body()).contains("q: contains a NUL character (U+0000), which cannot be stored");
        assertThat(send(page("/clients?q=%ff")).body()).contains("not valid UTF-8");
        Answer form = send(page("/clients/new").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf("/clients/new")
                        + "&firstName=Ann%00&lastName=Lee&timeZone=UTC")));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.body()).contains("firstName: contains a NUL character (U+0000)");
        Answer missing = send(page("/no/such/page"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("We couldn't find that page");
        Answer reports = send(page("/clients/00000000-0000-0000-0000-000000000000/reports?page=2147483647"
                + "&range=custom&from=%2B999999999-12-31"));
        assertThat(reports.status()).isEqualTo(404);
    }

    HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    String csrf(String path) throws Exception {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(send(page(path)).body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    void signIn(String email) throws Exception {
        String body = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf("/login");
        Answer login = send(page("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(login.status()).isEqualTo(302);
    }
}
