package com.customerlifecycle.journeyview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.WonDeal;
import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.onboarding.OnboardingProcess;
import com.customerlifecycle.testing.Browser;
import com.customerlifecycle.testing.BrowserSession;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.ProcessDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The account manager in a real browser: logs into Tasklist by typing, opens the welcome task of a new customer, opens
 * the Customer tab and sees the company, the contract's end date and the SDR's call in the timeline.
 */
@DemoApplicationTest
class CustomerTabBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CustomerRepository customers;

    @RegisterExtension
    final BrowserSession session = new BrowserSession("tasklist-customer-tab");

    @Test
    void accountManagerSeesTheNewCustomersJourneyBesideTheWelcomeTask() {
        WebDriver browser = session.driver();
        String company = "Tab View GmbH";
        String leadId = Http.as("website", port).postJson("/api/trials", """
                {"company": "%s", "contactName": "Tina Tab", "email": "%s@tabview.example"}"""
                .formatted(company, UUID.randomUUID())).json().get("leadId").asText();
        ProcessDriver driver = new ProcessDriver(processEngine);
        driver.completeAs("sara", taskService.createTaskQuery().processInstanceBusinessKey(leadId).singleResult(),
                Map.of(LeadProcess.Vars.CONTACT_OUTCOME, "reached"));
        LocalDate start = LocalDate.now();
        String customerId = customers.createFromWonDeal(new WonDeal(leadId, company, "Olga Owner", "olga@tabview.example",
                false, "business", 20, 1, new BigDecimal("24000.00"), false), start, Instant.now()).customerId();
        runtimeService.startProcessInstanceByKey(OnboardingProcess.KEY, leadId, Map.of("customerId", customerId,
                "company", company, "annualValue", 24000.0, "seats", 20, "strategicAccount", false,
                "implementationPurchased", false, "subscriptionOwnerName", "Olga Owner",
                "subscriptionOwnerEmail", "olga@tabview.example"));
        Task welcome = taskService.createTaskQuery().processInstanceBusinessKey(leadId)
                .taskDefinitionKey(OnboardingProcess.Tasks.WELCOME_CUSTOMER).singleResult();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Browser.logIn(browser, "http://localhost:" + port + "/camunda/app/tasklist/default/", "amy", "demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "AM queue"));

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + welcome.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Customer']")))
                .click();

        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clo-customer-company")));
        assertThat(heading.getText()).contains(company).contains("Onboarding");
        assertThat(browser.findElement(By.id("clo-customer-contract")).getText())
                .contains(String.valueOf(start.plusYears(1).getYear())).contains("days)");
        assertThat(browser.findElement(By.id("clo-customer-timeline")).getText())
                .contains("Contact attempt 1: reached").contains("sara");
        WebElement currentStage = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#clo-customer-map g.clo-current")));
        assertThat(currentStage.getDomAttribute("data-element-id")).as("the journey map shows where the customer is")
                .isEqualTo("CallActivity_QualifyLead");
    }
}
