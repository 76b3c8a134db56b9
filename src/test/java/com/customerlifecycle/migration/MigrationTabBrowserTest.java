package com.customerlifecycle.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.Browser;
import com.customerlifecycle.testing.BrowserSession;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.DiagramChanges;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owner in a real browser: logs into Cockpit by typing, opens the changed process, finds the Migration tab,
 * runs a dry run, maps the blocked activity, migrates after confirming, and follows the progress bar until it is done.
 * Input is real keyboard and mouse input (WebDriver), not DOM calls.
 */
@DemoApplicationTest
class MigrationTabBrowserTest {

    private static final String KEY = SuccessProcess.KEY;
    private static final String DEPLOYMENT = "customer-success from Modeler (browser test)";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void setUp() {
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        new ProcessDriver(processEngine).deleteRunningInstances(KEY);
    }

    @AfterEach
    void removeTheChangedVersion() {
        repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT).list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void processOwnerMigratesRunningCustomersFromCockpit() {
        startCare("Browser Plan AG", "high-touch");
        startCare("Browser Budget Ltd", "low-touch");
        byte[] changed = DiagramChanges.of("customer-success.bpmn")
                .renameActivity("Task_DefineSuccessPlan", "Task_AgreeSuccessPlan")
                .setTimer("Timer_CheckInDue", "P14D").bytes();
        assertThat(Http.as("olivia", port).deploy(DEPLOYMENT, "customer-success.bpmn", changed).status()).isEqualTo(200);
        ProcessDefinition target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult();

        Browser.logIn(browser, base() + "/camunda/app/cockpit/default/", "olivia", "demo");

        browser.get(base() + "/camunda/app/cockpit/default/#/process-definition/" + target.getId() + "/runtime");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Migration']")))
                .click();

        assertThat(browser.findElement(By.cssSelector(".navbar-brand")).getText()).contains("Customer Lifecycle Orchestrator");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("migrate to Camunda 8");
        Select source = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("clo-migration-source"))));
        assertThat(source.getFirstSelectedOption().getText()).isEqualTo("every older version");
        browser.findElement(By.id("clo-migration-dry-run")).click();
        assertThat(text("clo-migration-summary")).isEqualTo("2 running, 1 can move, 1 blocked.");
        WebElement blocked = browser.findElement(By.cssSelector("tr.clo-migration-blocked"));
        assertThat(blocked.getText()).contains("Task_DefineSuccessPlan").contains("has no counterpart");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", blocked);
        Browser.screenshot(browser, "migration-tab-dry-run");

        new Select(blocked.findElement(By.cssSelector("select.clo-migration-map"))).selectByValue("Task_AgreeSuccessPlan");
        browser.findElement(By.id("clo-migration-dry-run")).click();
        wait.until(ExpectedConditions.textToBe(By.id("clo-migration-summary"), "2 running, 2 can move, 0 blocked."));
        assertThat(text("clo-migration-mappings")).contains("Task_DefineSuccessPlan → Task_AgreeSuccessPlan");

        browser.findElement(By.id("clo-migration-migrate")).click();
        assertThat(text("clo-migration-confirm")).contains("Move 2 running instance(s) of customer-success to version "
                + target.getVersion());
        browser.findElement(By.id("clo-migration-confirm-yes")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("clo-migration-state"), "data-state", "running"));

        new ProcessDriver(processEngine).runBatches();

        wait.until(ExpectedConditions.attributeToBe(By.id("clo-migration-state"), "data-state", "completed"));
        assertThat(text("clo-migration-state")).isEqualTo("completed: 2 of 2 moved.");
        assertThat(browser.findElement(By.cssSelector("#clo-migration-bar .progress-bar")).getDomAttribute("aria-valuenow"))
                .isEqualTo("100");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(target.getId()).count()).isEqualTo(2);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).activityIdIn("Task_AgreeSuccessPlan")
                .count()).as("the planning customer now waits at the renamed step").isEqualTo(1);
    }

    private void startCare(String company, String touchTier) {
        TestCustomers.inCustomerSuccess(signUps, customers, runtimeService, company, touchTier);
    }

    private String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private String base() {
        return "http://localhost:" + port;
    }

}
