package org.rpmsync.enrollment;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatedTenoviTest
class ClientTenoviBrowserTests extends TestWorld {

    @LocalServerPort
    int port;

    @Test
    void nurseSavesAPatientIdAndAssignsAPillboxFromTheClientProfile() throws Exception {
        Organization clinic = fixtures.tenoviOrganization();
        SimulatedAccount tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        Client ann = fixtures.client(clinic, new ClientDetails("Ann", "Lee", "ann@example.test", null, null));
        String patientId = "PAT-" + Fixtures.unique("b");
        String pillbox = tenovi.patient(patientId, null, "PILLBOX").get(0);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(nurse, Fixtures.PASSWORD);
            browser.go("/clients/" + ann.id());
            browser.driver().findElement(By.linkText("Integrations")).click();
            browser.waitFor(By.id("tenovi-tile"));
            assertThat(browser.driver().findElement(By.id("tenovi-tile")).getText()).contains("No Patient ID yet");
            browser.driver().findElement(By.id("tenovi-tile")).click();
            browser.waitFor(By.id("patientId"));
            browser.driver().findElement(By.id("patientId")).sendKeys(patientId);
            browser.driver().findElement(By.id("tenovi-patient-save")).click();
            browser.waitFor(By.id("tenovi-message"));
            assertThat(browser.driver().findElement(By.id("tenovi-message")).getText())
                    .isEqualTo("Patient ID " + patientId + " saved.");

            browser.driver().findElement(By.id("tenovi-open-devices")).click();
            browser.waitFor(By.id("hwiDeviceId"));
            browser.driver().findElement(By.id("hwiDeviceId")).sendKeys(pillbox);
            browser.driver().findElement(By.id("tenovi-device-save")).click();
            By row = By.cssSelector("#tenovi-device-list tr[data-hwi='" + pillbox + "']");
            browser.waitFor(row);
            WebElement device = browser.driver().findElement(row);
            assertThat(device.findElement(By.className("device-name")).getText())
                    .isEqualTo("Tenovi Pillbox · …" + pillbox.substring(pillbox.length() - 3));
            assertThat(device.getText()).contains("21", "Connected");
            assertThat(browser.driver().findElements(By.id("tenovi-warning"))).isEmpty();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/clients/" + ann.id() + "/integrations");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                    device);
            browser.screenshot("client-tenovi-devices");
        }
    }
}
