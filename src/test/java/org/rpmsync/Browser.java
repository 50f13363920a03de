package org.rpmsync;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, never a downloaded browser or driver. Skips the test when the
 * binaries are missing, unless {@code RPMSYNC_REQUIRE_BROWSER=true} (CI), where it fails instead.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    public static Browser open(int port) throws Exception {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            if (Boolean.parseBoolean(System.getenv("RPMSYNC_REQUIRE_BROWSER"))) {
                Assertions.fail("Chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("Skipped: install Debian's chromium and chromium-driver to run browser tests");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.getPath());
        Path profile = Files.createTempDirectory("rpmsync-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public void signIn(String email, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".who"));
    }

    public void waitFor(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(locator).isEmpty());
    }

    /** Saves a PNG screenshot under target/screenshots for a person to look at. */
    public Path screenshot(String name) throws Exception {
        byte[] png = driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        return file;
    }

    @Override
    public void close() throws Exception {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
