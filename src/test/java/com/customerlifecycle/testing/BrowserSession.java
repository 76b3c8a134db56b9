package com.customerlifecycle.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * A browser for each test of a browser test class ({@code @RegisterExtension}): started before the test (or the test
 * skipped where there is no Chromium, see {@link Browser#startOrSkip()}), and after it a screenshot of the last page
 * and the browser closed.
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private final String screenshotName;
    private WebDriver driver;

    /** The screenshot named after the test method. */
    public BrowserSession() {
        this(null);
    }

    public BrowserSession(String screenshotName) {
        this.screenshotName = screenshotName;
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver = Browser.startOrSkip();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            try {
                Browser.screenshot(driver, screenshotName != null ? screenshotName
                        : context.getRequiredTestMethod().getName());
            } finally {
                driver.quit();
                driver = null;
            }
        }
    }
}
