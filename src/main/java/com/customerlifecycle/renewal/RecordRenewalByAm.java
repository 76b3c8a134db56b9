package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Vars;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The AM already extended the term: the renewal manager stays away, the cycle is recorded as renewed by the AM, and
 * the journey starts the next cycle from the new end date.
 */
@Component
class RecordRenewalByAm implements JavaDelegate {

    private final CustomerRepository customers;
    private final RenewalRepository renewals;

    RecordRenewalByAm(CustomerRepository customers, RenewalRepository renewals) {
        this.customers = customers;
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer.Contract extended = customers.activeContract((String) execution.getVariable(Vars.CUSTOMER_ID));
        renewals.decide(execution.getProcessInstanceId(), RenewalProcess.Outcome.RENEWED_BY_AM, null, null,
                extended.annualValue(), extended.contractId(), null, null, extended.changedBy(),
                ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(Vars.RENEWAL_OUTCOME, RenewalProcess.Outcome.RENEWED_BY_AM);
    }
}
