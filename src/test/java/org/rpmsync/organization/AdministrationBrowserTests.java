package org.rpmsync.organization;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.RealServerTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 in Chromium: revoking a token, the staff lifecycle and a client's access history. */
@RealServerTest
class AdministrationBrowserTests extends TestWorld {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;

    @Test
    void orgAdminRevokesATokenOnlyAfterConfirmingAndItIsRefusedAtOnce() throws Exception {
        String admin = fixtures.staff(fixtures.organization(), Role.ORG_ADMIN);
        try (Browser browser = Browser.open(port)) {
            WebDriver page = browser.driver();
            browser.signIn(admin, Fixtures.PASSWORD);
            browser.go("/settings/tokens");
            page.findElement(By.id("token-name")).sendKeys("EHR sync");
            page.findElement(By.xpath("//button[text()='Create token']")).click();
            browser.waitFor(By.id("shown-once-secret"));
            String secret = page.findElement(By.id("shown-once-secret")).getText().strip();
            assertThat(api(secret)).isEqualTo(200);
            assertThat(page.findElement(By.cssSelector("table.tokens")).getText()).contains(admin, "Never");

            page.findElement(By.xpath("//button[text()='Revoke']")).click();
            alert(page).dismiss();
            assertThat(page.findElements(By.xpath("//button[text()='Revoke']"))).hasSize(1);
            assertThat(api(secret)).isEqualTo(200);

            page.findElement(By.xpath("//button[text()='Revoke']")).click();
            alert(page).accept();
            browser.waitFor(By.xpath("//*[contains(text(),'The token was revoked.')]"));
            browser.screenshot("admin-token-revoked");
            assertThat(page.findElement(By.cssSelector("table.tokens")).getText()).contains("Revoked");
            assertThat(api(secret)).isEqualTo(401);
        }
    }

    @Test
    void orgAdminAddsStaffDeactivatesThemMidSessionAndIssuesAResetLink() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = Fixtures.unique("nurse") + "@example.test";
        try (Browser adminBrowser = Browser.open(port); Browser nurseBrowser = Browser.open(port)) {
            WebDriver page = adminBrowser.driver();
            adminBrowser.signIn(admin, Fixtures.PASSWORD);
            adminBrowser.go("/settings/staff");
            page.findElement(By.id("email")).sendKeys(nurse);
            page.findElement(By.id("staff-name")).sendKeys("Nell Nightingale");
            page.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            page.findElement(By.xpath("//button[text()='Add staff member']")).click();
            adminBrowser.waitFor(By.xpath("//*[contains(text(),'Added Nell Nightingale.')]"));

            nurseBrowser.signIn(nurse, Fixtures.PASSWORD);
            nurseBrowser.go("/clients");
            assertThat(nurseBrowser.driver().getCurrentUrl()).endsWith("/clients");

            row(page, nurse).findElement(By.xpath(".//button[text()='Deactivate']")).click();
            alert(page).accept();
            adminBrowser.waitFor(By.xpath("//*[contains(text(),'is deactivated and signed out')]"));
            assertThat(row(page, nurse).getText()).contains("Deactivated");

            nurseBrowser.go("/clients");
            nurseBrowser.waitFor(By.xpath("//*[contains(text(),'Your session has ended')]"));
            assertThat(nurseBrowser.driver().getCurrentUrl()).contains("/login");

            row(page, nurse).findElement(By.xpath(".//button[text()='Reactivate']")).click();
            adminBrowser.waitFor(By.xpath("//*[contains(text(),'can sign in again')]"));
            row(page, nurse).findElement(By.xpath(".//button[text()='Reset password']")).click();
            alert(page).accept();
            adminBrowser.waitFor(By.id("shown-once-secret"));
            adminBrowser.screenshot("admin-staff-reset-link");
            String link = page.findElement(By.id("shown-once-secret")).getText().strip();
            assertThat(link).contains("/password-reset#");

            nurseBrowser.driver().get(link.replaceFirst("^https?://[^/]+", "http://localhost:" + port));
            nurseBrowser.waitFor(By.id("password"));
            nurseBrowser.driver().findElement(By.id("password")).sendKeys("a fresh long passphrase");
            nurseBrowser.driver().findElement(By.id("confirm")).sendKeys("a fresh long passphrase");
            nurseBrowser.driver().findElement(By.xpath("//button[text()='Set password']")).click();
            nurseBrowser.waitFor(By.xpath("//*[contains(text(),'Your new password is set')]"));
            nurseBrowser.signIn(nurse, "a fresh long passphrase");
            assertThat(nurseBrowser.driver().getCurrentUrl()).endsWith("/clients");
        }
    }

    @Test
    void fromAClientTheAdminSeesWhoViewedThemThisMonthInTwoClicks() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = Fixtures.unique("viewer") + "@example.test";
        staff.add(SystemActor.BOOTSTRAP, clinic.id(), new NewStaff(nurse, "Vera Viewer", Role.PRACTITIONER, Fixtures.PASSWORD));
        Client client = clients.create(clinic.id(), SystemActor.BOOTSTRAP,
                new ClientDetails("Lise", Fixtures.unique("Meitner"), null, null, "UTC"));
        try (Browser nurseBrowser = Browser.open(port)) {
            nurseBrowser.signIn(nurse, Fixtures.PASSWORD);
            nurseBrowser.go("/clients/" + client.id());
            nurseBrowser.waitFor(By.tagName("h1"));
        }
        try (Browser browser = Browser.open(port)) {
            WebDriver page = browser.driver();
            browser.signIn(admin, Fixtures.PASSWORD);
            browser.go("/clients/" + client.id());
            page.findElement(By.linkText("Access history")).click();
            browser.waitFor(By.id("access-history"));
            page.findElement(By.id("this-month")).click();
            browser.waitFor(By.id("access-history"));
            String table = page.findElement(By.cssSelector("table.audit")).getText();
            browser.screenshot("admin-access-history");
            assertThat(table).contains("Vera Viewer", "Viewed client record", client.displayName());
            assertThat(page.findElement(By.id("access-history")).getText()).contains(client.displayName());
            assertThat(page.findElement(By.id("export-csv")).getAttribute("href"))
                    .contains("/settings/audit.csv?client=" + client.id());
        }
    }

    private static org.openqa.selenium.WebElement row(WebDriver page, String email) {
        return page.findElement(By.cssSelector("tr[data-email='" + email + "']"));
    }

    private static org.openqa.selenium.Alert alert(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
    }

    private int api(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
