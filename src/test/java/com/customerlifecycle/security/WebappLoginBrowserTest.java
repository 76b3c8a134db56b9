package com.customerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.customerlifecycle.testing.Browser;
import com.customerlifecycle.testing.BrowserSession;
import com.customerlifecycle.testing.DemoApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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

    @RegisterExtension
    final BrowserSession session = new BrowserSession("tasklist-login");

    @Test
    void sdrTypesCredentialsIntoTasklistAndSeesTheSdrQueue() {
        WebDriver browser = session.driver();
        Browser.logIn(browser, "http://localhost:" + port + "/camunda/app/tasklist/default/", "sara", "demo");

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "SDR queue"));

        assertThat(browser.findElement(By.cssSelector(".navbar-brand, [cam-widget-header]")).getText())
                .as("the product's name in the header").contains("Customer Lifecycle Orchestrator");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                .as("no 'migrate to Camunda 8' advert in the staff's workday").allMatch(banner -> !banner.isDisplayed());
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("migrate to Camunda 8");
    }
}
