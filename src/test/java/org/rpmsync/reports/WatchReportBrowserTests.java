package org.rpmsync.reports;

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
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 §3 in Chromium: a watch client's steps and sleep on Reports, found by searching "steps" and "watch". */
@RealServerTest
class WatchReportBrowserTests extends TestWorld {

    @LocalServerPort
    int port;
    @Autowired
    ClinicData data;

    @Test
    void practitionerSearchesStepsThenWatchAndSeesDailyBarsSleepAndHeartRate() throws Exception {
        Organization organization = fixtures.organization();
        String practitioner = fixtures.staff(organization, Role.PRACTITIONER);
        Client client = WatchData.watchClient(organization, data);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(practitioner, Fixtures.PASSWORD);
            browser.go("/clients/" + client.id() + "/reports");
            browser.waitFor(By.id("q"));
            search(browser, "steps");
            browser.waitFor(By.cssSelector("#steps canvas.chart[data-drawn=true]"));
            assertThat(browser.driver().findElements(By.id("sleep"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("medication"))).isEmpty();
            List<WebElement> days = browser.driver().findElements(By.cssSelector("#steps tbody tr"));
            assertThat(days).hasSize(2);
            assertThat(days.get(0).getText()).contains("3000 steps", "4 readings", WatchData.WATCH_LABEL);
            assertThat(days.get(1).getText()).contains("1500 steps");
            assertThat(painted(browser, "chart-steps")).as("bars drawn").isGreaterThan(500L);
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('steps').scrollIntoView()");
            browser.screenshot("reports-watch-steps");

            search(browser, "watch");
            browser.waitFor(By.cssSelector("#sleep canvas.chart[data-drawn=true]"));
            assertThat(browser.driver().findElement(By.id("sleep")).getText()).contains("7.5 h", "6.25 h");
            assertThat(browser.driver().findElement(By.id("heart-rate")).getText()).contains("75 bpm", "max 98 bpm");
            assertThat(browser.driver().findElement(By.id("battery")).getText()).contains("80%");
            assertThat(browser.driver().findElements(By.id("peak-flow"))).isEmpty();
            assertThat(painted(browser, "chart-sleep")).isGreaterThan(500L);
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('sleep').scrollIntoView()");
            browser.screenshot("reports-watch-sleep");

            browser.go("/clients/" + client.id());
            browser.waitFor(By.cssSelector(".vital-card"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Steps per day", "3000 steps", "7.5 h", WatchData.WATCH_LABEL);
            browser.screenshot("dashboard-watch");
        }
    }

    private static void search(Browser browser, String query) {
        WebElement search = browser.driver().findElement(By.id("q"));
        search.clear();
        search.sendKeys(query);
        new Select(browser.driver().findElement(By.id("range"))).selectByVisibleText("All Data");
        browser.driver().findElement(By.id("show-report")).click();
        browser.waitFor(By.cssSelector("input#q[value='" + query + "']"));
    }

    private static Long painted(Browser browser, String canvas) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript("""
                const c = document.getElementById(arguments[0]);
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }
                return n;""", canvas);
    }
}
