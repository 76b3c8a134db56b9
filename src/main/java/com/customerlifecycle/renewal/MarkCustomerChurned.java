package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Vars;

import java.time.Instant;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.forms.OptionalText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The customer leaves: status churned and the renewal recorded (the end event then stops customer success). */
@Component
class MarkCustomerChurned implements JavaDelegate {

    private final CustomerRepository customers;
    private final RenewalRepository renewals;
    MarkCustomerChurned(CustomerRepository customers, RenewalRepository renewals) {
        this.customers = customers;
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        customers.churn((String) execution.getVariable(Vars.CUSTOMER_ID), now);
        renewals.decide(execution.getProcessInstanceId(), RenewalProcess.Outcome.CHURNED, null, null, null, null,
                (String) execution.getVariable(Vars.CHURN_REASON), OptionalText.of(execution.getVariable(Vars.CHURN_NOTES)),
                (String) execution.getVariable(Vars.RENEWAL_DECIDED_BY), now);
    }
}
