package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Vars;

import java.math.BigDecimal;
import java.time.Instant;

import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Renewed: the next term as a new contract version (start = old end, end = old end + years, value after the
 * multi-year discount). Runs as a job; running it again creates nothing new.
 */
@Component
class ExtendContract implements JavaDelegate {

    private final CustomerRepository customers;
    private final RenewalRepository renewals;

    ExtendContract(CustomerRepository customers, RenewalRepository renewals) {
        this.customers = customers;
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        int years = ((Number) execution.getVariable(Vars.RENEWAL_TERM_YEARS)).intValue();
        int discount = ((Number) execution.getVariable(Vars.DISCOUNT_PERCENT)).intValue();
        BigDecimal listValue = BigDecimal.valueOf(((Number) execution.getVariable(Vars.RENEWAL_ANNUAL_VALUE)).doubleValue());
        BigDecimal value = RenewalPricing.afterDiscount(listValue, discount);
        String renewedBy = (String) execution.getVariable(Vars.RENEWAL_DECIDED_BY);
        String contractId = customers.renewContract((String) execution.getVariable(Vars.CUSTOMER_ID), years, value,
                "renewal:" + execution.getProcessInstanceId(), renewedBy, now);
        renewals.decide(execution.getProcessInstanceId(), RenewalProcess.Outcome.RENEWED, years, discount, value,
                contractId, null, null, renewedBy, now);
    }
}
