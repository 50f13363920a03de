package org.rpmsync.reports;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 12 §3: every stored reading type has a place on Reports and, while recent, on the Dashboard. */
@RpmSyncTest
class ReadingsReportTests extends TestWorld {

    final RequestPostProcessor practitioner;
    final Client client;

    ReadingsReportTests(@Autowired Fixtures fixtures, @Autowired ClinicData data) {
        Organization organization = fixtures.organization();
        practitioner = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
        client = WatchData.watchClient(organization, data);
    }

    String page(String path, String query) throws Exception {
        var request = get(path).with(practitioner);
        if (query != null) {
            request.param("q", query);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String reports(String query) throws Exception {
        return page("/clients/" + client.id() + "/reports", query);
    }

    @Test
    void everyTypeHasASectionWithAChartOrTableThatFitsIt() throws Exception {
        String html = reports(null);
        assertThat(html).contains("id=\"steps\"", "Steps per day", "3000 steps", "1500 steps", "4 readings",
                "data-type=\"bar\"");
        assertThat(html).contains("id=\"sleep\"", "7.5 h", "6.25 h");
        assertThat(html).contains("id=\"heart-rate\"", "75 bpm", "max 98 bpm", "Hourly maximum (bpm)");
        assertThat(html).contains("id=\"battery\"", "80%", "id=\"peak-flow\"", "420 L/min",
                "id=\"temperature\"", "98.6°F");
        assertThat(html).contains("id=\"other\"", "Other readings", "3.1 / x", "Tenovi metric fev1_weird (raw values)");
        assertThat(html).contains(WatchData.WATCH_LABEL, "Device · …f-1");
        String other = html.substring(html.indexOf("id=\"other\""));
        assertThat(other.substring(0, other.indexOf("</section>"))).as("raw values: a table, no chart")
                .doesNotContain("<canvas");
    }

    @Test
    void searchFindsTypeNamesUnitsAndDeviceNames() throws Exception {
        String steps = reports("steps");
        assertThat(steps).contains("3000 steps").doesNotContain("id=\"sleep\"", "id=\"medication\"");
        String watch = reports("watch");
        assertThat(watch).contains("id=\"steps\"", "id=\"sleep\"", "id=\"heart-rate\"", "id=\"battery\"")
                .doesNotContain("id=\"peak-flow\"", "id=\"temperature\"");
        assertThat(reports("sleep")).contains("7.5 h").doesNotContain("id=\"steps\"");
        assertThat(reports("L/min")).contains("420 L/min").doesNotContain("id=\"steps\"");
        assertThat(reports("Tenovi Watch")).contains("id=\"steps\"").doesNotContain("id=\"peak-flow\"");
        assertThat(reports("x-ray")).contains("No data source or type matches");
    }

    @Test
    void theDashboardShowsRecentReadingsOfEveryKindWithDeviceLabels() throws Exception {
        String html = page("/clients/" + client.id(), null);
        assertThat(html).contains("Steps per day", "3000 steps", "Sleep", "7.5 h", "Heart rate (hourly)", "75 bpm",
                "max 98 bpm", "Battery", "80%", "Peak flow", "420 L/min", "Other readings", "3.1 / x");
        assertThat(html).contains(WatchData.WATCH_LABEL, "title=\"" + WatchData.WATCH + "\"");
        assertThat(html).as("a weight from 60 days ago is not recent").doesNotContain("181 lb");
    }
}
