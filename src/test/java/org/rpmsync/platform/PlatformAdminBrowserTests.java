package org.rpmsync.platform;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.RealServerTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Role;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RealServerTest
class PlatformAdminBrowserTests extends TestWorld {

    @LocalServerPort
    int port;

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
