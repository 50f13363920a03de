package org.rpmsync.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.RealServerTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RealServerTest
class ReportBrowserTests extends TestWorld {

    @LocalServerPort
    int port;
    @Autowired
    ClinicData data;

    /** Three weeks of PillBox openings (most on time, some late, some missed) and daily blood pressure. */
    Client clientWithThreeWeeks(Organization organization) {
        Client client = data.client(organization, "UTC");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<NewReading> readings = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            LocalDate date = today.minusDays(i);
            int day = date.getDayOfWeek().getValue() % 7 + 1;
            if (i % 5 != 0) {
                readings.add(ClinicData.opening("pill-1", date.atTime(8, 10 + i).toInstant(ZoneOffset.UTC), 0, day, 1,
                        false));
            }
            if (i % 4 != 0) {
                readings.add(ClinicData.opening("pill-1", date.atTime(i % 3 == 0 ? 23 : 20, 5).toInstant(ZoneOffset.UTC),
                        0, day, 2, i % 7 == 0));
            }
            Instant bp = date.atTime(7, 30).toInstant(ZoneOffset.UTC);
            readings.add(ClinicData.bloodPressure("bp-1", bp, 120 + i % 15, 78 + i % 8, Integer.toString(i)));
            readings.add(ClinicData.single("bp-1", ReadingType.PULSE, "pulse", bp, Integer.toString(64 + i % 9), "/min",
                    Integer.toString(i), null));
        }
        data.record(organization, client, Instant.now(), readings.toArray(NewReading[]::new));
        return client;
    }

    @Test
    void practitionerSearchesTenoviOverAllDataAndSeesPillboxRowsTheGridAndAChart() throws Exception {
        Organization organization = fixtures.organization();
        String practitioner = fixtures.staff(organization, Role.PRACTITIONER);
        Client client = clientWithThreeWeeks(organization);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(practitioner, Fixtures.PASSWORD);
            browser.go("/clients/" + client.id() + "/reports?range=7d&q=glucose");
            browser.waitFor(By.id("q"));
            WebElement search = browser.driver().findElement(By.id("q"));
            search.clear();
            search.sendKeys("Tenovi");
            new Select(browser.driver().findElement(By.id("range"))).selectByVisibleText("All Data");
            browser.driver().findElement(By.id("show-report")).click();
            browser.waitFor(By.cssSelector("table.medication-rows tbody tr"));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.medication-rows tbody tr"));
            assertThat(rows).hasSize(ClientReports.PAGE_SIZE);
            assertThat(rows.get(0).getText()).contains("Medication compartment opened", "(UTC+00:00)");
            assertThat(browser.driver().getPageSource()).contains("synced late", "estimated time");

            browser.waitFor(By.cssSelector("canvas.chart[data-drawn=true]"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            Long painted = (Long) js.executeScript("""
                    const c = document.getElementById('chart-blood-pressure');
                    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0;
                    for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }
                    return n;""");
            assertThat(painted).isGreaterThan(2000L);

            js.executeScript("document.getElementById('adherence').scrollIntoView()");
            browser.screenshot("reports-adherence-grid");
            assertThat(browser.driver().findElements(By.cssSelector(".adherence-grid .slot.taken"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".adherence-grid .slot.missed"))).isNotEmpty();
            js.executeScript("document.getElementById('blood-pressure').scrollIntoView()");
            browser.screenshot("reports-blood-pressure-chart");
            browser.go("/clients/" + client.id());
            browser.waitFor(By.id("medication-card"));
            browser.screenshot("client-dashboard");
        }
    }

    /** Issue 13 §1: an absurd custom range loads quickly and says, readably, what was shown instead. */
    @Test
    void anAbsurdRangeLoadsQuicklyWithAReadableMessage() throws Exception {
        Organization organization = fixtures.organization();
        String practitioner = fixtures.staff(organization, Role.PRACTITIONER);
        Client client = clientWithThreeWeeks(organization);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(practitioner, Fixtures.PASSWORD);
            long started = System.nanoTime();
            browser.go("/clients/" + client.id() + "/reports?q=&range=custom&from=0001-01-01&to=9999-12-31");
            browser.waitFor(By.id("range-notice"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            WebElement notice = browser.driver().findElement(By.id("range-notice"));
            assertThat(notice.isDisplayed()).isTrue();
            assertThat(notice.getText()).contains(
                    "From 0001-01-01 is outside the years that can hold readings (1900 to 2199), so 1900-01-01 was used.",
                    "To 9999-12-31 is outside the years that can hold readings (1900 to 2199), so 2199-12-31 was used.",
                    "Adherence is scored for the last 366 days of the range");
            assertThat(millis).isLessThan(10_000);
            assertThat(browser.driver().findElements(By.cssSelector("table.medication-rows tbody tr")))
                    .hasSize(ClientReports.PAGE_SIZE);
            browser.screenshot("reports-absurd-range");
        }
    }
}
