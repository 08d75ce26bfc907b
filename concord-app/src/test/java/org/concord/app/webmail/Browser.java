package org.concord.app.webmail;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with a fresh profile, and screenshots saved
 * beside the console's own under {@code concord-server/target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The module runs in concord-app/; the console's screenshots live in the server module. */
    static final Path SHOTS = Path.of("..", "concord-server", "target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Starts Chromium; skips the test without it (fails when CONCORD_REQUIRE_SERVERS=1). */
    static Browser startOrSkip() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
            throw new IllegalStateException("browser tests need Chromium: apt-get install -y chromium chromium-driver");
        }
        assumeTrue(installed, "browser tests skipped: apt-get install -y chromium chromium-driver");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-popup-blocking", "--user-data-dir=" + Files.createTempDirectory("concord-chromium"),
                "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Scrolls the element to the middle of its scroll container, as a user would, and clicks it. */
    void click(org.openqa.selenium.By what) {
        org.openqa.selenium.WebElement e = wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(what));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(e)).click();
    }

    void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
