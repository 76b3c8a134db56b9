package com.customerlifecycle.expansion;

import static com.customerlifecycle.expansion.ExpansionProcess.Vars;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Growth signals for a customer, from its CSM or from product usage. The first opens an expansion and starts
 * {@code account-expansion} for the account manager (message {@code ExpansionOpportunity} with the journey's business
 * key); while that one is open, further signals add their reason to it instead of starting another.
 */
@Service
public class ExpansionSignals {

    private final ExpansionRepository expansions;
    private final CustomerRepository customers;
    private final RuntimeService runtimeService;

    ExpansionSignals(ExpansionRepository expansions, CustomerRepository customers, RuntimeService runtimeService) {
        this.expansions = expansions;
        this.customers = customers;
        this.runtimeService = runtimeService;
    }

    public record Signal(String reason, Integer seatsRequested, String source) {

        String describe() {
            return reason + (seatsRequested == null ? "" : " (seats requested: " + seatsRequested + ")") + " [" + source + "]";
        }
    }

    public record Result(String expansionId, String processInstanceId, boolean opened) {
    }

    /** Runs in the caller's transaction. Fails with a DuplicateKeyException when a concurrent signal opened one first. */
    public Result signal(String customerId, Signal signal) {
        Customer customer = customers.findById(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No customer " + customerId));
        Optional<ExpansionRepository.OpenExpansion> open = expansions.findOpen(customerId);
        if (open.isPresent()) {
            String reasons = open.get().reasons() + "\n" + signal.describe();
            expansions.updateReasons(open.get().expansionId(), reasons, signal.seatsRequested());
            if (open.get().processInstanceId() != null) {
                runtimeService.setVariable(open.get().processInstanceId(), Vars.EXPANSION_REASONS, reasons);
            }
            return new Result(open.get().expansionId(), open.get().processInstanceId(), false);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String expansionId = expansions.open(customerId, signal.describe(), signal.seatsRequested(), now);
        Customer.Contract contract = customers.activeContract(customerId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.CUSTOMER_ID, customerId);
        variables.put(Vars.COMPANY, customer.company());
        variables.put(Vars.ACCOUNT_MANAGER, customer.accountManager());
        variables.put(Vars.EXPANSION_ID, expansionId);
        variables.put(Vars.EXPANSION_REASONS, signal.describe());
        variables.put(Vars.CURRENT_PLAN, contract.plan());
        variables.put(Vars.CURRENT_SEATS, contract.seats());
        variables.put(Vars.CURRENT_ANNUAL_VALUE, contract.annualValue().doubleValue());
        variables.put(Vars.CURRENT_END_DATE, contract.endDate().toString());
        ProcessInstance instance = runtimeService.createMessageCorrelation(ExpansionProcess.EXPANSION_OPPORTUNITY_MESSAGE)
                .processInstanceBusinessKey(customer.leadId())
                .setVariables(variables)
                .correlateStartMessage();
        expansions.attachProcessInstance(expansionId, instance.getId());
        return new Result(expansionId, instance.getId(), true);
    }
}
