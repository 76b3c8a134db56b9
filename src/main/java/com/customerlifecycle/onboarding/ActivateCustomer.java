package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Vars;

import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Onboarding is done: the customer becomes active. */
@Component
class ActivateCustomer implements JavaDelegate {

    private final CustomerRepository customers;

    ActivateCustomer(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        customers.activate((String) execution.getVariable(Vars.CUSTOMER_ID), ClockUtil.getCurrentTime().toInstant());
    }
}
