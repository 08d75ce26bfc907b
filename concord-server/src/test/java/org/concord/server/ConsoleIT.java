package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.concord.engine.ConflictPolicy;
import org.concord.engine.ConflictSettings;
import org.concord.engine.UserMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium): log in, watch the systems, see one
 * go down, retry a sync error, resolve a conflict from the diff view. Screenshots of the dashboard
 * and the conflict view are saved under {@code target/screenshots/}.
 */
class ConsoleIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static TestAgent agent;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
            throw new IllegalStateException("browser tests need Chromium: install chromium and chromium-driver");
        }
        assumeTrue(installed, "browser tests skipped: install chromium and chromium-driver");
        agent = TestAgent.start(ConflictSettings.of(new ConflictPolicy.Manual()),
                new UserMap(java.util.Map.of("alice", java.util.Map.of("groupware", "asmith"))), UnaryOperator.identity(),
                "crm", "groupware", "archive");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("concord-chromium"), "--window-size=1280,900",
                "--force-device-scale-factor=1", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void anAdminLogsInWatchesASystemGoDownRetriesAnErrorAndResolvesAConflict() throws Exception {
        for (int i = 1; i <= 3; i++) {
            agent.createSynced("crm", "seed-" + i, i);
        }
        String conflicted = agent.createSynced("crm", "conflict-ui", 4);
        agent.makeConflict("conflict-ui", "crm", "groupware");
        TestAgent.await("a held conflict", () -> agent.engine.status().openConflicts() == 1);
        String refused = agent.makeWriteError("crm", "archive", "refused-ui");

        // Log in.
        browser.get(agent.uri("/").toString());
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("user")).sendKeys(TestAgent.USER);
        browser.findElement(By.id("password")).sendKeys(TestAgent.PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        // Every system has a card, kept live by server-sent events.
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card[data-system]"), 3));
        List<String> names = browser.findElements(By.cssSelector(".card[data-system]")).stream()
                .map(c -> c.getAttribute("data-system")).toList();
        assertThat(names).containsExactly("crm", "groupware", "archive");
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        assertThat(card("crm").getAttribute("data-state")).isEqualTo("up");
        assertThat(browser.findElement(By.id("nav-conflicts")).getText()).isEqualTo("1");

        // A system stops: its card turns down without a reload.
        agent.system("archive").setDown(true);
        wait.until(d -> "down".equals(card("archive").getAttribute("data-state")));
        assertThat(card("archive").findElement(By.cssSelector(".state")).getText()).isEqualToIgnoringCase("down");
        assertThat(card("archive").findElement(By.cssSelector(".reason")).getText()).contains("system is down");
        screenshot("dashboard");
        agent.system("archive").setDown(false);
        wait.until(d -> "up".equals(card("archive").getAttribute("data-state")));

        // Retry a sync error once its cause is fixed.
        browser.get(agent.uri("/#/errors").toString());
        By row = By.cssSelector("tr[data-error-id]");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        WebElement error = browser.findElements(row).stream()
                .filter(r -> r.getText().contains(refused)).findFirst().orElseThrow();
        assertThat(error.getText()).contains("archive").contains("refused");
        screenshot("errors");
        agent.system("archive").acceptWritesOf(refused);
        error.findElement(By.cssSelector("button.retry")).click();
        TestAgent.await("the refused contact delivered", () -> agent.system("archive").list().stream()
                .anyMatch(o -> o.payload().uid().equals(Optional.of("refused-ui"))));
        TestAgent.await("its error cleared", () -> agent.engine.errors(Optional.of("archive"), 10).isEmpty());
        wait.until(d -> {
            d.findElement(By.tagName("body")).sendKeys("r");
            return d.findElements(row).isEmpty();
        });
        assertThat(browser.findElement(By.id("error-list")).getText()).contains("No sync errors");

        // Resolve the conflict field by field from the diff view.
        browser.findElement(By.tagName("body")).sendKeys("gc");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.open-conflict"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("diff")));
        WebElement emails = browser.findElement(By.cssSelector("#diff tr[data-field='emails']"));
        assertThat(emails.getAttribute("class")).contains("differs");
        assertThat(emails.getText()).contains("changed-in-groupware@example.org").contains("person1@example.org");
        screenshot("conflict");
        WebElement takeCrm = emails.findElement(By.cssSelector("input[value='crm']"));
        takeCrm.click();
        browser.findElement(By.cssSelector("#diff tr[data-field='name'] input[value='groupware']")).click();
        browser.findElement(By.id("save-choices")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Nothing left to do"));
        TestAgent.await("the chosen fields in every system", () -> agent.systems.values().stream().allMatch(s ->
                s.list().stream().anyMatch(o -> o.payload().uid().equals(Optional.of("conflict-ui"))
                        && o.payload().json().path("emails").toString().contains("person1@example.org")
                        && o.payload().json().path("name").path("full").asText().contains("(edit 2)"))));
        assertThat(agent.engine.conflicts(true, 10)).isEmpty();
        assertThat(conflicted).isNotEmpty();

        // The same dashboard on a phone.
        browser.get(agent.uri("/#/").toString());
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card[data-system]"), 3));
        screenshot("dashboard-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static WebElement card(String system) {
        return browser.findElement(By.cssSelector(".card[data-system='" + system + "']"));
    }

    private static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
