package org.rpmsync;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's workflows in real Chromium, against the app on a real port with the Tenovi simulator as Tenovi:
 * sign in and create a client (issue 2); link a Tenovi account, green check and red message (issue 4).
 */
@RealServerTest
class BrowserTests extends TestWorld {

    static final int PORT = TestPorts.APP;

    @Test
    void anOrgAdminSignsInCreatesAClientAndFindsItInTheList() throws Exception {
        String admin = fixtures.staff(fixtures.organization(), Role.ORG_ADMIN);
        String lastName = "Okafor" + System.nanoTime() % 100000;
        try (Browser browser = Browser.open(PORT)) {
            WebDriver page = browser.driver();
            browser.signIn(admin, Fixtures.PASSWORD);
            assertThat(page.getCurrentUrl()).endsWith("/clients");
            page.findElement(By.linkText("New client")).click();
            browser.waitFor(By.id("firstName"));
            page.findElement(By.id("firstName")).sendKeys("Grace");
            page.findElement(By.id("lastName")).sendKeys(lastName);
            page.findElement(By.id("externalId")).sendKeys("EHR-" + lastName);
            page.findElement(By.xpath("//button[text()='Add client']")).click();
            browser.waitFor(By.xpath("//h1[contains(text(),'" + lastName + "')]"));
            browser.go("/clients");
            page.findElement(By.id("q")).sendKeys(lastName);
            page.findElement(By.xpath("//button[text()='Search']")).click();
            browser.waitFor(By.linkText(lastName + ", Grace"));
            browser.screenshot("clients-search");
            assertThat(page.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        }
    }

    @Test
    void anOrgAdminLinksTenoviAndSeesTheGreenCheckThenARedMessageForAWrongKey() throws Exception {
        Organization clinic = fixtures.tenoviOrganization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        try (Browser browser = Browser.open(PORT)) {
            WebDriver page = browser.driver();
            browser.signIn(admin, Fixtures.PASSWORD);
            browser.go("/settings/integrations");
            page.findElement(By.id("tenovi-link")).click();
            browser.waitFor(By.id("clientDomain"));
            page.findElement(By.id("clientDomain")).sendKeys("https://app.tenovi.com/org/demo-clinic/");
            page.findElement(By.id("apiKey")).sendKeys("sim-demo-api-key");
            page.findElement(By.id("tenovi-save")).click();
            browser.waitFor(By.cssSelector("#tenovi-status .check"));
            assertThat(page.findElement(By.id("tenovi-status")).getText()).contains("Connected to demo-clinic");
            browser.waitFor(By.id("health-title"));
            browser.screenshot("tenovi-connected");

            page.findElement(By.id("tenovi-replace")).click();
            browser.waitFor(By.id("clientDomain"));
            page.findElement(By.id("clientDomain")).clear();
            page.findElement(By.id("clientDomain")).sendKeys("demo-clinic");
            page.findElement(By.id("apiKey")).sendKeys("not-the-right-key");
            page.findElement(By.id("tenovi-save")).click();
            browser.waitFor(By.cssSelector(".flash.bad"));
            assertThat(page.findElement(By.cssSelector(".flash.bad")).getText())
                    .contains("Tenovi rejected this API key for demo-clinic");
            assertThat(page.getPageSource()).doesNotContain("not-the-right-key");
            browser.screenshot("tenovi-rejected");
        }
    }

    @Autowired
    org.rpmsync.reports.ClinicData data;

    @Test
    void theAdherenceCardsFormsAnswerInPlaceBesideTheForm() throws Exception {
        Organization clinic = fixtures.organization();
        String practitioner = fixtures.staff(clinic, Role.PRACTITIONER);
        var client = clients.create(clinic.id(), org.rpmsync.organization.SystemActor.BOOTSTRAP,
                new org.rpmsync.clients.ClientDetails("Mae", "Jemison", null, null, "UTC"));
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3);
        java.time.Instant opened = day.atTime(10, 45).toInstant(java.time.ZoneOffset.UTC);
        data.record(clinic, client, opened, org.rpmsync.reports.ClinicData.opening("pill-browser", opened, 0,
                org.rpmsync.adherence.Opening.dayNumber(day), 1, false));
        try (Browser browser = Browser.open(PORT)) {
            WebDriver page = browser.driver();
            var js = (org.openqa.selenium.JavascriptExecutor) page;
            browser.signIn(practitioner, Fixtures.PASSWORD);
            browser.go("/clients/" + client.id() + "/reports?q=medication&range=7d");
            browser.waitFor(By.id("schedule-form"));
            js.executeScript("document.getElementById('schedule-form').scrollIntoView({block: 'center'})");
            Object before = js.executeScript("return window.scrollY");
            js.executeScript("document.getElementById('am').value = '22:00'");
            page.findElement(By.cssSelector("#schedule-form button")).click();
            browser.waitFor(By.id("schedule-problem"));
            assertThat(page.findElement(By.id("schedule-problem")).getText())
                    .contains("Not saved: the AM dose must be due before the PM dose",
                            "The schedule in use is still AM 08:00, PM 20:00");
            assertThat(page.findElement(By.id("am")).getAttribute("aria-invalid")).isEqualTo("true");
            // The page stays where the user was looking: the form and its message are both on screen.
            assertThat(((Number) js.executeScript("return window.scrollY")).doubleValue())
                    .isCloseTo(((Number) before).doubleValue(), org.assertj.core.data.Offset.offset(150.0));
            for (String element : new String[] {"schedule-form", "schedule-problem"}) {
                assertThat((Boolean) js.executeScript("var r = document.getElementById(arguments[0])"
                        + ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight", element))
                        .as(element).isTrue();
            }
            browser.screenshot("adherence-schedule-rejected");

            js.executeScript("document.getElementById('am').value = '09:00'");
            page.findElement(By.cssSelector("#schedule-form button")).click();
            browser.waitFor(By.id("schedule-saved"));
            assertThat(page.findElement(By.id("schedule-saved")).getText()).contains("Schedule saved: AM 09:00");
            assertThat(page.findElement(By.id("am")).getAttribute("value")).isEqualTo("09:00");
            assertThat(page.findElements(By.id("schedule-problem"))).isEmpty();
            assertThat(page.findElement(By.cssSelector("[title='" + day + " AM: Taken']")).isDisplayed()).isTrue();

            String reason = "reason-" + day + "-PM";
            page.findElement(By.id(reason)).sendKeys("In hospital");
            page.findElement(By.xpath("//input[@id='" + reason + "']/following-sibling::button")).click();
            browser.waitFor(By.cssSelector(".reason .field-ok"));
            assertThat(page.findElement(By.id(reason)).getAttribute("value")).isEqualTo("In hospital");
            assertThat(page.getCurrentUrl()).contains("range=7d").doesNotContain("reasons");
            browser.screenshot("adherence-reason-saved");
        }
    }

    @Test
    void everyPageFitsAPhoneScreen390PixelsWide() throws Exception {
        Organization clinic = fixtures.tenoviOrganization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String platform = fixtures.staff(null, Role.PLATFORM_ADMIN);
        var client = clients.create(clinic.id(), org.rpmsync.organization.SystemActor.BOOTSTRAP,
                new org.rpmsync.clients.ClientDetails("Katherine", "Johnson-Goble-Longname", "katherine.johnson"
                        + ".goble@example-hospital-network.org", "EXT-0000000000123456789", "America/New_York"));
        java.time.Instant now = java.time.Instant.now();
        for (int d = 1; d <= 3; d++) {
            java.time.Instant at = now.minusSeconds(86_400L * d);
            data.record(clinic, client, at,
                    org.rpmsync.reports.ClinicData.opening("PILLBOX-HWI-0001", at, -300, 2, 1, false),
                    org.rpmsync.reports.ClinicData.bloodPressure("BPM-HWI-000000000002", at, 131, 84, "i" + d),
                    org.rpmsync.reports.ClinicData.single("SCALE-HWI-0003", org.rpmsync.measurements.ReadingType.WEIGHT,
                            "weight", at, "181.4", "[lb_av]", "", null));
        }
        java.util.List<String> tooWide = new java.util.ArrayList<>();
        int pages = 0;
        for (String who : java.util.List.of(admin, platform)) {
            try (Browser browser = Browser.open(PORT)) {
                WebDriver page = browser.driver();
                page.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                browser.go("/login");
                tooWide.addAll(overflow(page));
                browser.signIn(who, Fixtures.PASSWORD);
                pages += crawl(browser, tooWide);
                if (who.equals(admin)) {
                    browser.go("/clients/" + client.id() + "/reports");
                    page.findElement(By.cssSelector(".menu-toggle")).click();
                    browser.waitFor(By.cssSelector(".topbar.open nav"));
                    assertThat(page.findElement(By.id("main-nav")).isDisplayed()).isTrue();
                    tooWide.addAll(overflow(page));
                    browser.screenshot("phone-menu-open");
                }
            }
        }
        assertThat(pages).isGreaterThan(12);
        assertThat(tooWide).as("pages wider than the 390 px viewport").isEmpty();
    }

    /** Visits every page reachable by links (one per path shape), recording those wider than the viewport. */
    static int crawl(Browser browser, java.util.List<String> tooWide) {
        WebDriver page = browser.driver();
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(java.util.List.of("/"));
        java.util.Set<String> seen = new java.util.HashSet<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < 60) {
            String path = queue.poll();
            if (!seen.add(path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}").replaceAll("\\?.*", ""))) {
                continue;
            }
            browser.go(path);
            visited++;
            tooWide.addAll(overflow(page));
            @SuppressWarnings("unchecked")
            java.util.List<String> links = (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) page)
                    .executeScript("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                            + ".filter(h => h.startsWith(location.origin)).map(h => h.substring(location.origin.length))");
            for (String link : links) {
                String bare = link.replaceAll("#.*", "");
                if (!bare.isEmpty() && !bare.matches("/(logout|api|webhooks|assets|webjars|simulator).*")
                        && !bare.contains(".csv")) {
                    queue.add(bare);
                }
            }
        }
        return visited;
    }

    static java.util.List<String> overflow(WebDriver page) {
        Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) page)
                .executeScript("return document.documentElement.scrollWidth");
        return width.intValue() <= 390 ? java.util.List.of()
                : java.util.List.of(page.getCurrentUrl() + " is " + width + " px wide");
    }

    @Test
    void aPractitionerAcknowledgesAnAlertFromTheWorklist() throws Exception {
        Organization clinic = fixtures.organization();
        String practitioner = fixtures.staff(clinic, Role.PRACTITIONER);
        var client = clients.create(clinic.id(), org.rpmsync.organization.SystemActor.BOOTSTRAP,
                new org.rpmsync.clients.ClientDetails("Ruth", "Bader", null, null, "UTC"));
        java.time.Instant at = java.time.Instant.now().minusSeconds(3_600);
        data.record(clinic, client, at, org.rpmsync.reports.ClinicData.bloodPressure("bp-browser", at, 182, 104, "1"));
        try (Browser browser = Browser.open(PORT)) {
            WebDriver page = browser.driver();
            browser.signIn(practitioner, Fixtures.PASSWORD);
            browser.go("/clients/" + client.id());
            assertThat(page.findElement(By.id("open-alerts")).getText()).contains("High blood pressure", "182/104 mmHg");
            assertThat(page.findElement(By.cssSelector("#nav-attention .count")).getText()).isEqualTo("1");
            page.findElement(By.id("nav-attention")).click();
            browser.waitFor(By.cssSelector(".alert-row.critical"));
            var row = page.findElement(By.cssSelector(".alert-row.critical"));
            assertThat(row.getText()).contains("Critical", "High blood pressure", "Bader, Ruth", "182/104 mmHg");
            // 300 minutes: the browser itself refuses it beside the field (the server would too, see WorklistTests).
            row.findElement(By.name("minutes")).sendKeys("300");
            row.findElement(By.cssSelector("form.acknowledge button")).click();
            assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                    "return document.querySelector('.alert-row input[name=minutes]').validity.rangeOverflow")).isTrue();
            assertThat(page.findElements(By.cssSelector(".alert-row .acknowledged"))).isEmpty();
            var again = page.findElement(By.cssSelector(".alert-row.critical"));
            again.findElement(By.name("note")).sendKeys("Called; rechecked at 150/92");
            again.findElement(By.name("minutes")).clear();
            again.findElement(By.name("minutes")).sendKeys("12");
            again.findElement(By.cssSelector("form.acknowledge button")).click();
            browser.waitFor(By.cssSelector(".alert-row .acknowledged"));
            assertThat(page.findElement(By.cssSelector(".alert-row .acknowledged")).getText())
                    .contains("Acknowledged by", "12 min", "Called; rechecked at 150/92");
            browser.screenshot("worklist-acknowledged");
            browser.go("/organization/attention");
            assertThat(page.findElement(By.id("no-alerts")).getText()).contains("Nothing needs attention");
            assertThat(page.findElements(By.cssSelector("#nav-attention .count"))).isEmpty();
        }
    }

    @Test
    void textThatCannotBeStoredIsRefusedBesideItsFieldWithWhatWasTypedPutBack() throws Exception {
        String practitioner = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        try (Browser browser = Browser.open(PORT)) {
            WebDriver page = browser.driver();
            browser.signIn(practitioner, Fixtures.PASSWORD);
            browser.go("/clients/new");
            browser.waitFor(By.id("firstName"));
            page.findElement(By.id("lastName")).sendKeys("Lovelace");
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                    "document.getElementById('firstName').value = 'Ada\\u0000'");
            page.findElement(By.xpath("//button[text()='Add client']")).click();
            browser.waitFor(By.id("text-problem-message"));
            var message = page.findElement(By.id("text-problem-message"));
            assertThat(message.getText()).contains("Not saved", "NUL character (U+0000)");
            assertThat(page.findElement(By.id("firstName")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Ada\\u0000");
            assertThat(page.findElement(By.id("lastName")).getAttribute("value")).isEqualTo("Lovelace");
            assertThat((String) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                    "return document.getElementById('text-problem-message').previousElementSibling.id"))
                    .isEqualTo("firstName");
            browser.screenshot("text-refused-beside-field");
            browser.go("/clients?q=Lovelace");
            assertThat(page.getPageSource()).contains("No client matches");
        }
    }
}
