package com.customerlifecycle.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests: Debian's {@code chromium} driven through its {@code chromedriver} (Selenium), headless.
 * Where neither is installed (a developer machine without them), browser tests are skipped and say so; {@code .ci/run}
 * installs both and requires them ({@code -Dclo.browser.required=true}), so CI always runs them. {@code CLO_CHROMIUM}
 * and {@code CLO_CHROMEDRIVER} point elsewhere.
 */
public final class Browser {

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private Browser() {
    }

    /** Starts the browser, or skips the calling test with the reason when there is none here. */
    public static WebDriver startOrSkip() {
        Optional<String> chromium = executable("CLO_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<String> driver = executable("CLO_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String reason = "no Chromium and ChromeDriver found (install the Debian packages chromium and chromium-driver,"
                    + " as .ci/run does, or set CLO_CHROMIUM and CLO_CHROMEDRIVER)";
            if (Boolean.getBoolean("clo.browser.required")) {
                throw new IllegalStateException("Browser tests are required (-Dclo.browser.required=true), but " + reason);
            }
            System.out.println("Browser test SKIPPED: " + reason);
            Assumptions.abort("Browser test skipped: " + reason);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver.get()))
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        return browser;
    }

    /**
     * Logs into a Camunda webapp the way a person does: opens it, types the user and password into the login form and
     * submits. Typing starts once the page's background request for {@code /camunda-welcome} has been answered: that
     * answer once blocked all input (with a Basic challenge, the request never completed until a browser dialog was
     * cancelled). Fails when the typed keys did not arrive in the form; returns once the login form is gone.
     */
    public static void logIn(WebDriver browser, String appUrl, String user, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(appUrl);
        WebElement passwordField = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[type=password]")));
        wait.until(page -> (Boolean) ((JavascriptExecutor) page).executeScript(
                "return performance.getEntriesByType('resource').some(entry => entry.name.endsWith('/camunda-welcome'))"));
        WebElement userField = browser.findElement(By.cssSelector("form input[type=text], form input:not([type])"));
        userField.click();
        userField.sendKeys(user);
        passwordField.sendKeys(password);
        if (!user.equals(userField.getDomProperty("value"))) {
            throw new IllegalStateException("The keys typed into the login form did not arrive: the field holds '"
                    + userField.getDomProperty("value") + "'");
        }
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    }

    /** Keeps a picture of the page, e.g. when a test failed: {@code target/browser-screenshots/<name>.png}. */
    public static Path screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> executable(String environmentVariable, String... candidates) {
        return Stream.concat(Stream.ofNullable(System.getenv(environmentVariable)), Stream.of(candidates))
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst();
    }
}
