package org.rpmsync.reports;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 13 §1: whatever the range, page or limit, a report page, an export or an API call bounds its work and its
 * memory. The request runs on this thread (MockMvc), so the bytes this thread allocates measure the request.
 */
@RpmSyncTest
class ReportBoundsTests extends TestWorld {

    static final long MAX_ALLOCATED = 150L * 1024 * 1024;
    static final Duration MAX_TIME = Duration.ofSeconds(5);

    final Client client;
    final RequestPostProcessor practitioner;
    final String token;

    ReportBoundsTests(@Autowired Fixtures fixtures, @Autowired ClinicData data) {
        Organization organization = fixtures.organization();
        practitioner = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
        token = fixtures.orgToken(organization);
        client = data.client(organization, "UTC");
        data.record(organization, client, Instant.parse("2024-10-16T12:00:00Z"),
                ClinicData.opening("pill-1", Instant.parse("2024-10-14T08:05:00Z"), 0, 2, 1, false),
                ClinicData.opening("pill-1", Instant.parse("2024-10-15T20:05:00Z"), 0, 3, 2, false),
                ClinicData.bloodPressure("bp-1", Instant.parse("2024-10-14T07:00:00Z"), 121, 80, "1"));
    }

    record Measured(MvcResult result, long allocated, Duration took) {
        String body() throws Exception {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
    }

    Measured measure(MockHttpServletRequestBuilder request) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long started = System.nanoTime();
        MvcResult result = mvc.perform(request).andReturn();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Measured(result, threads.getThreadAllocatedBytes(thread) - before, took);
    }

    String reports(String query) {
        return "/clients/" + client.id() + "/reports?" + query;
    }

    @Test
    void anAbsurdCustomRangeAnswersQuicklyWithBoundedMemoryAndSaysWhatItDid() throws Exception {
        Measured page = measure(get(reports("range=custom&from=0001-01-01&to=9999-12-31")).with(practitioner));
        System.out.printf("report page, range 0001-01-01..9999-12-31: %d ms, %d KiB allocated, %d chars%n",
                page.took().toMillis(), page.allocated() / 1024, page.body().length());
        assertThat(page.result().getResponse().getStatus()).isEqualTo(200);
        assertThat(page.took()).isLessThan(MAX_TIME);
        assertThat(page.allocated()).isLessThan(MAX_ALLOCATED);
        assertThat(page.body()).contains("From 0001-01-01 is outside the years that can hold readings",
                "Adherence is scored for the last 366 days of the range", "Monday AM");
        assertThat(page.body().length()).isLessThan(1_000_000);
    }

    @Test
    void theWidestAllowedRangeIsBoundedToo() throws Exception {
        Measured page = measure(get(reports("range=custom&from=1900-01-01&to=2199-12-31")).with(practitioner));
        assertThat(page.result().getResponse().getStatus()).isEqualTo(200);
        assertThat(page.took()).isLessThan(MAX_TIME);
        assertThat(page.allocated()).isLessThan(MAX_ALLOCATED);
        assertThat(page.body().length()).isLessThan(1_000_000);
    }

    @Test
    void extremeDatesUnreadableDatesAndHugePagesAnswerWithAMessageNotAnError() throws Exception {
        for (String query : new String[] {"range=custom&from=%2B999999999-12-31&to=-999999999-01-01",
                "range=custom&from=2024-13-45&to=nope", "page=2147483647", "page=99999999999999999999",
                "page=-5", "page=abc", "range=custom&to=%2B999999999-12-31&page=2147483647"}) {
            Measured page = measure(get(reports(query)).with(practitioner));
            assertThat(page.result().getResponse().getStatus()).as(query).isEqualTo(200);
            assertThat(page.took()).as(query).isLessThan(MAX_TIME);
            assertThat(page.allocated()).as(query).isLessThan(MAX_ALLOCATED);
        }
        assertThat(measure(get(reports("range=custom&from=2024-13-45")).with(practitioner)).body())
                .contains("From “2024-13-45” is not a date (yyyy-mm-dd), so it was left out.");
        assertThat(measure(get(reports("page=2147483647")).with(practitioner)).body()).contains("Monday AM");
    }

    @Test
    void theCsvOfAnAbsurdRangeStreamsEveryRow() throws Exception {
        Measured csv = measure(get("/clients/" + client.id()
                + "/reports/medication.csv?range=custom&from=0001-01-01&to=%2B999999999-12-31").with(practitioner));
        assertThat(csv.result().getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.took()).isLessThan(MAX_TIME);
        assertThat(csv.body().split("\r\n")).hasSize(3);
    }

    @Test
    void theApiRefusesDatesOutsideTheYearsThatHoldReadingsWithAReason() throws Exception {
        String user = "/api/v1/users/" + client.id();
        for (String path : new String[] {user + "/measurements?from=%2B999999999-12-31",
                user + "/measurements?to=%2B999999999-12-31T00:00:00Z", user + "/measurements?from=0001-01-01",
                user + "/adherence?from=-999999999-01-01", user + "/adherence?from=0001-01-01&to=9999-12-31",
                user + "/fhir?to=%2B999999999-12-31", user + "/measurements?limit=2147483647"}) {
            Measured answer = measure(get(path).header("Authorization", "Bearer " + token));
            assertThat(answer.result().getResponse().getStatus()).as(path).isEqualTo(422);
            assertThat(answer.result().getResponse().getContentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.body()).as(path).contains("\"code\":\"invalid_input\"");
            assertThat(answer.took()).as(path).isLessThan(MAX_TIME);
        }
        Measured widest = measure(get(user + "/measurements?from=1900-01-01&to=2199-12-31&limit=500")
                .header("Authorization", "Bearer " + token));
        assertThat(widest.result().getResponse().getStatus()).isEqualTo(200);
        assertThat(widest.allocated()).isLessThan(MAX_ALLOCATED);
    }
}
