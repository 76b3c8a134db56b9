package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Vars;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Server-side check of "Hold one-to-many session ..." as it ends (end listener {@code ${oneToManyFormCheck}}). */
@Component("oneToManyFormCheck")
class OneToManyFormCheck implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            FormInput.requiredText(execution, Vars.SESSION_NOTES);
        }
    }
}
