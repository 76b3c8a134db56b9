package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Vars;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A renewal cycle renews the contract in force when it starts: its id, end date and value become the cycle's
 * variables (the timers count back from the end date) and the cycle is recorded for the pipeline.
 */
@Component
class LoadContractToRenew implements JavaDelegate {

    private final CustomerRepository customers;
    private final RenewalRepository renewals;
    private final WorkingCalendar calendar;

    LoadContractToRenew(CustomerRepository customers, RenewalRepository renewals, WorkingCalendar calendar) {
        this.customers = customers;
        this.renewals = renewals;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(Vars.CUSTOMER_ID);
        Customer.Contract contract = customers.activeContract(customerId);
        execution.setVariable(Vars.CONTRACT_ID, contract.contractId());
        execution.setVariable(Vars.CONTRACT_END_DATE, calendar.startOf(contract.endDate()));
        execution.setVariable(Vars.CURRENT_ANNUAL_VALUE, contract.annualValue().doubleValue());
        renewals.start(execution.getProcessInstanceId(), customerId, contract.contractId(), contract.endDate(),
                contract.annualValue(), ClockUtil.getCurrentTime().toInstant());
    }
}
