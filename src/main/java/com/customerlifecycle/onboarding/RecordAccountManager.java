package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Vars;

import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The account manager who claims "Welcome ..." becomes the customer's account manager and first contact. */
@Component
class RecordAccountManager implements TaskListener {

    private final CustomerRepository customers;

    RecordAccountManager(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() == null) {
            return;
        }
        customers.assignAccountManager((String) task.getVariable(Vars.CUSTOMER_ID), task.getAssignee(),
                ClockUtil.getCurrentTime().toInstant());
        task.setVariable(Vars.ACCOUNT_MANAGER, task.getAssignee());
    }
}
