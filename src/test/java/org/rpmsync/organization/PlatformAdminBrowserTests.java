package org.rpmsync.organization;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PlatformAdminBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    @Test
    void platformAdminSignsInCreatesAnOrganizationAndEnablesTenovi() throws Exception {
        String admin = fixtures.staff(null, Role.PLATFORM_ADMIN);
        String slug = Fixtures.unique("hillside");
        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, Fixtures.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/organizations");
            browser.driver().findElement(By.id("name")).sendKeys("Hillside Clinic");
            browser.driver().findElement(By.id("slug")).sendKeys(slug);
            browser.driver().findElement(By.xpath("//button[text()='Create organization']")).click();
            browser.waitFor(By.xpath("//button[text()='Enable Tenovi']"));
            browser.driver().findElement(By.xpath("//button[text()='Enable Tenovi']")).click();
            browser.waitFor(By.xpath("//*[contains(text(),'Tenovi is now enabled.')]"));
            browser.screenshot("platform-admin-organization");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Hillside Clinic");
        }
    }
}
