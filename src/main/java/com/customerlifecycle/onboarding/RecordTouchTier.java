package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Vars;

import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Stores the touch tier the {@code touch-tier} decision gave on the customer. */
@Component
class RecordTouchTier implements JavaDelegate {

    private final CustomerRepository customers;

    RecordTouchTier(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        customers.assignTouchTier((String) execution.getVariable(Vars.CUSTOMER_ID),
                (String) execution.getVariable(Vars.TOUCH_TIER), ClockUtil.getCurrentTime().toInstant());
    }
}
