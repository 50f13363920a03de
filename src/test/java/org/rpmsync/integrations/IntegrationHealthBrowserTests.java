package org.rpmsync.integrations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium on Organization Settings > Integrations: deliveries refused on our webhook URL turn the status amber with
 * the count, the latest time and what to do (issue 12 §2), and the health panel never shows an exception name or
 * SQL (issue 13 §5).
 */
@SimulatedTenoviTest
class IntegrationHealthBrowserTests extends TestWorld {

    static final Pattern INTERNALS = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\bSQL\\b|PreparedStatementCallback|insert into |ERROR: ");

    @LocalServerPort
    int port;
    @Autowired
    TenoviConnections connections;

    @Test
    void refusedDeliveriesTurnTheStatusAmberAndFailuresReadAsPlainWords() throws Exception {
        Organization clinic = fixtures.tenoviOrganization();
        SimulatedAccount tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
        String url = connections.status(clinic.id()).webhookUrl();
        assertThat(deliver(url, "a-secret-from-before")).isEqualTo(401);
        jdbc.sql("""
                insert into inbox_messages (organization_id, source, received_at, body, status, attempts,
                                            next_attempt_at, last_error)
                values (?, 'tenovi', ?, '[]', 'FAILED', 5, ?, ?)""")
                .params(clinic.id().value(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()),
                        "DataIntegrityViolationException: PreparedStatementCallback; SQL [insert into measurements "
                                + "(metric) values (?)]; ERROR: invalid byte sequence for encoding \"UTF8\": 0x00")
                .update();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, Fixtures.PASSWORD);
            browser.go("/settings/integrations");
            browser.waitFor(By.id("health-refused"));

            WebElement status = browser.driver().findElement(By.id("tenovi-status"));
            assertThat(status.getDomAttribute("data-health")).isEqualTo("refused");
            assertThat(status.getText()).contains("Webhooks refused", "Connected to " + tenovi.domain);
            assertThat(status.findElements(By.className("check"))).as("no green check").isEmpty();
            WebElement refused = browser.driver().findElement(By.id("tenovi-refused"));
            assertThat(refused.isDisplayed()).isTrue();
            assertThat(refused.getCssValue("background-color")).isEqualTo("rgba(255, 244, 214, 1)");
            assertThat(refused.getText()).contains("Webhook deliveries refused: 1 in the last 24 h, latest ", "outdated webhook secret",
                    "Register in Tenovi for me", "Refresh User Data");
            assertThat(browser.driver().findElement(By.id("tenovi-last-error")).getText()).isNotEqualTo("none")
                    .isEqualTo("Webhook deliveries refused (see above)");
            WebElement health = browser.driver().findElement(By.id("tenovi-health"));
            assertThat(health.getText()).contains("Deliveries that failed processing",
                    "RPM Sync could not process this delivery", "Process again");
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(INTERNALS.matcher(page).find()).as("no exception name or SQL on:\n%s", page).isFalse();
            ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("integrations-webhooks-refused");

            browser.driver().findElement(By.id("refused-register")).click();
            browser.waitFor(By.id("tenovi-message"));
            assertThat(browser.driver().findElement(By.id("tenovi-message")).getText())
                    .startsWith("Tenovi now sends measurements");
            assertThat(tenovi.webhooks()).hasSize(2);
        }
    }

    private int deliver(String url, String secret) throws Exception {
        String path = url.substring(url.indexOf("/webhooks/"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
