package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The CSM who claims the customer's first CSM task becomes its CSM, in the store and for the process: later CSM tasks
 * go straight to them.
 */
@Component
class RecordCustomerCsm implements TaskListener {

    private final CustomerRepository customers;

    RecordCustomerCsm(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() == null || task.getVariable(Vars.CUSTOMER_CSM) != null) {
            return;
        }
        customers.assignCsmIfNone((String) task.getVariable(Vars.CUSTOMER_ID), task.getAssignee(),
                ClockUtil.getCurrentTime().toInstant());
        task.setVariable(Vars.CUSTOMER_CSM, task.getAssignee());
    }
}
