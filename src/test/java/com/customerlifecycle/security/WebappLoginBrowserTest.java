package com.customerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.customerlifecycle.testing.Browser;
import com.customerlifecycle.testing.DemoApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person logs into Tasklist by typing, in a real Chromium. This once failed: the login page's background request for
 * {@code /camunda-welcome} got a Basic challenge, Chromium opened its sign-in dialog over the page, and the form took no
 * keyboard or mouse input (see {@code SecurityConfiguration#webappsAndEverythingElse}).
 */
@DemoApplicationTest
class WebappLoginBrowserTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.startOrSkip();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Browser.screenshot(browser, "tasklist-login");
            browser.quit();
        }
    }

    @Test
    void sdrTypesCredentialsIntoTasklistAndSeesTheSdrQueue() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        WebElement user = browser.findElement(By.cssSelector("form input[type=text], form input:not([type])"));
        // Type only once the page's background request for /camunda-welcome has been answered: that answer is what
        // once blocked all input (with a Basic challenge, the request never completes until a dialog is cancelled).
        wait.until(page -> (Boolean) ((JavascriptExecutor) page).executeScript(
                "return performance.getEntriesByType('resource').some(entry => entry.name.endsWith('/camunda-welcome'))"));

        user.click();
        user.sendKeys("sara");
        password.sendKeys("demo");
        assertThat(user.getDomProperty("value")).as("keys typed into the login form arrive").isEqualTo("sara");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "SDR queue"));
    }
}
