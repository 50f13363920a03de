package org.rpmsync.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.RealServerTest;
import org.rpmsync.TestPorts;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The RPM month page in Chromium: from the navigation, sorted by days, on a phone, to the client's care card. */
@RealServerTest
class RpmMonthBrowserTests extends TestWorld {

    static final int PORT = TestPorts.APP;

    @Autowired
    ClinicData data;

    @Test
    void aPractitionerSortsTheMonthByDaysAndOpensAClientsCareCard() throws Exception {
        Organization clinic = fixtures.organization();
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        Client many = clients.create(clinic.id(), SystemActor.BOOTSTRAP,
                new ClientDetails("Mary", "Jackson", null, null, "UTC"));
        Client few = clients.create(clinic.id(), SystemActor.BOOTSTRAP,
                new ClientDetails("Dorothy", "Vaughan", null, null, "UTC"));
        LocalDate first = LocalDate.of(2026, 10, 1);
        for (int day = 0; day < 17; day++) {
            Instant at = first.plusDays(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
            data.record(clinic, many, at, ClinicData.bloodPressure("bp-mary", at, 128, 82, "m" + day));
        }
        Instant at = first.plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC);
        data.record(clinic, few, at, ClinicData.bloodPressure("bp-dorothy", at, 118, 76, "d1"),
                ClinicData.bloodPressure("bp-dorothy", at.plusSeconds(86_400), 119, 77, "d2"));
        try (Browser browser = Browser.open(PORT)) {
            WebDriver page = browser.driver();
            browser.signIn(nurse, Fixtures.PASSWORD);
            browser.go("/organization/rpm-months?month=2026-10");
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("October 2026");
            page.findElement(By.id("sort-days")).click();
            browser.waitFor(By.cssSelector("#rpm-months .rpm-row"));
            var rows = page.findElements(By.cssSelector("#rpm-months .rpm-row"));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getText()).contains("Vaughan, Dorothy", "2", "99445");
            page.findElement(By.id("sort-days")).click();
            browser.waitFor(By.cssSelector("#rpm-months .rpm-row"));
            rows = page.findElements(By.cssSelector("#rpm-months .rpm-row"));
            assertThat(rows.get(0).getText()).contains("Jackson, Mary", "17", "99454");
            assertThat(rows.get(0).findElements(By.cssSelector(".strip .day.on"))).hasSize(17);
            assertThat(rows.get(0).findElements(By.cssSelector(".strip .day"))).hasSize(31);
            browser.screenshot("rpm-months");

            page.manage().window().setSize(new Dimension(390, 844));
            browser.go("/organization/rpm-months?month=2026-10&sort=days&dir=desc");
            Number width = (Number) ((JavascriptExecutor) page)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("fits a 390 px phone").isLessThanOrEqualTo(390);
            browser.screenshot("rpm-months-phone");

            page.findElement(By.linkText("Jackson, Mary")).click();
            browser.waitFor(By.id("care"));
            browser.go("/clients/" + many.id() + "/reports?rpmMonth=2026-10#care");
            assertThat(page.findElement(By.id("rpm-summary")).getText()).contains("17 days with data", "99454");
            page.findElement(By.cssSelector("#transmission-log summary")).click();
            assertThat(page.findElement(By.id("transmission-log")).getText()).contains("Thu 2026-10-01",
                    "09:00 Blood pressure", "bp-mary");
            browser.screenshot("client-care-card-phone");

            page.manage().window().setSize(new Dimension(1280, 1000));
            browser.go("/clients/" + many.id() + "/reports#care");
            page.findElement(By.id("care-minutes")).sendKeys("300");
            page.findElement(By.cssSelector("#log-care-time button")).click();
            assertThat((Boolean) ((JavascriptExecutor) page).executeScript(
                    "return document.getElementById('care-minutes').validity.rangeOverflow")).isTrue();
            page.findElement(By.id("care-minutes")).clear();
            page.findElement(By.id("care-minutes")).sendKeys("22");
            page.findElement(By.id("care-note")).sendKeys("Reviewed the week's pressures, called");
            page.findElement(By.cssSelector("#log-care-time button")).click();
            browser.waitFor(By.cssSelector(".care-timeline li.entry"));
            assertThat(page.findElement(By.id("care")).getText()).contains("22 minutes logged", "22 min care time",
                    "22 care minutes", "99457");
            var edit = page.findElement(By.cssSelector(".care-timeline form.care-edit"));
            edit.findElement(By.name("minutes")).clear();
            edit.findElement(By.name("minutes")).sendKeys("18");
            edit.findElement(By.cssSelector("button.secondary")).click();
            browser.waitFor(By.cssSelector(".care-timeline li.entry"));
            assertThat(page.findElement(By.id("care")).getText()).contains("18 min care time", "99470");
            ((JavascriptExecutor) page).executeScript("document.getElementById('care').scrollIntoView()");
            browser.screenshot("client-care-card");
        }
    }
}
