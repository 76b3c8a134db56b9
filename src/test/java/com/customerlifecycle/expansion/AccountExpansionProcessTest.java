package com.customerlifecycle.expansion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code account-expansion}, started by growth signals as the CSM hand-off and the API start it. */
@ProcessTest
class AccountExpansionProcessTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ExpansionSignals signals;

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
    }

    @Test
    void agreedExpansionChangesTheContractAndKeepsItsHistory() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "More Seats Ltd", "low-touch", "amy");
        ProcessInstance expansion = open(customer, "Seats nearly used up");

        driver.completeAs("amy", task(expansion), agreed(35, "enterprise", 52000.0, false));

        assertThat(expansion).hasPassed("Task_ChangeContract", "EndEvent_ContractExpanded").isEnded();
        List<Customer.Contract> contracts = contracts(customer);
        assertThat(contracts).extracting(Customer.Contract::status).containsExactly("superseded", "active");
        Customer.Contract changed = contracts.get(1);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.seats()).isEqualTo(35);
        assertThat(changed.plan()).isEqualTo("enterprise");
        assertThat(changed.annualValue()).isEqualByComparingTo("52000.00");
        assertThat(changed.endDate()).isEqualTo(contracts.get(0).endDate());
        assertThat(changed.changedBy()).isEqualTo("amy");
        assertThat(changed.changeSummary()).contains("plan business -> enterprise").contains("seats 20 -> 35");
    }

    @Test
    void aSubmissionWithoutTheUntickedExtendTermCheckboxTakesItsDefaultAsTheBrowserDoes() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Default Box Ltd", "low-touch", "amy");
        ProcessInstance expansion = open(customer, "Needs ten more seats");
        Map<String, Object> withoutExtendTerm = agreed(30, "business", 30000.0, false);
        withoutExtendTerm.remove("extendTerm");

        driver.completeAs("amy", task(expansion), withoutExtendTerm);

        assertThat(expansion).as("termYears stays hidden: extendTerm is false by default")
                .hasPassed("EndEvent_ContractExpanded").isEnded();
    }

    @Test
    void extendingTheTermTellsTheRenewalTheAmRenewed() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Long Term AG", "high-touch", "amy");
        ProcessInstance expansion = open(customer, "Wants a 2-year deal");

        driver.completeAs("amy", task(expansion), agreed(20, "business", 24000.0, true));

        assertThat(expansion).hasPassed("Event_TellOpenRenewal", "EndEvent_ContractExpandedAndRenewed").isEnded();
        List<Customer.Contract> contracts = contracts(customer);
        assertThat(contracts.get(1).endDate()).isEqualTo(contracts.get(0).endDate().plusYears(2));
        assertThat(contracts.get(1).changeSummary()).isEqualTo("term extended by 2 year(s)");
    }

    @Test
    void declinedExpansionClosesWithNotesAndTheNextSignalOpensANewOne() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Not Now Inc", "tech-touch", "amy");
        ProcessInstance expansion = open(customer, "Usage up 40%");

        assertThatThrownBy(() -> driver.completeAs("amy", task(expansion), withVariables("expansionAgreed", false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("expansionOutcomeNotes");
        driver.completeAs("amy", task(expansion), withVariables("expansionAgreed", false,
                "expansionOutcomeNotes", "Budget frozen until spring"));

        assertThat(expansion).hasPassed("Task_RecordDeclinedExpansion", "EndEvent_ExpansionDeclined").isEnded();
        assertThat(contracts(customer)).hasSize(1);
        ExpansionSignals.Result next = signals.signal(customer.customerId(),
                new ExpansionSignals.Signal("Usage up 60%", null, "test"));
        assertThat(next.opened()).isTrue();
    }

    @Test
    void aSecondSignalJoinsTheOpenExpansion() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Busy Ltd", "low-touch", "amy");
        ExpansionSignals.Result first = signals.signal(customer.customerId(),
                new ExpansionSignals.Signal("Seats nearly used up", 30, "usage"));

        ExpansionSignals.Result second = signals.signal(customer.customerId(),
                new ExpansionSignals.Signal("Asked for the reporting add-on", null, "CSM check-in"));

        assertThat(second.opened()).isFalse();
        assertThat(second.expansionId()).isEqualTo(first.expansionId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ExpansionProcess.KEY)
                .processInstanceBusinessKey(customer.leadId()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(first.processInstanceId(), "expansionReasons").toString())
                .contains("Seats nearly used up").contains("Asked for the reporting add-on");
    }

    private ProcessInstance open(TestCustomers.TestCustomer customer, String reason) {
        ExpansionSignals.Result result = signals.signal(customer.customerId(), new ExpansionSignals.Signal(reason, null, "test"));
        assertThat(result.opened()).isTrue();
        return runtimeService.createProcessInstanceQuery().processInstanceId(result.processInstanceId()).singleResult();
    }

    private List<Customer.Contract> contracts(TestCustomers.TestCustomer customer) {
        return customers.findById(customer.customerId()).orElseThrow().contracts();
    }

    private static Map<String, Object> agreed(int seats, String plan, double annualValue, boolean extendTerm) {
        Map<String, Object> variables = new HashMap<>(Map.of("expansionAgreed", true, "seats", seats, "plan", plan,
                "annualValue", annualValue, "extendTerm", extendTerm));
        if (extendTerm) {
            variables.put("termYears", 2);
        }
        return variables;
    }
}
