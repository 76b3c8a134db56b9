package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/** Server-side checks of the customer success forms, run as each user task ends (end listener {@code ${successFormCheck}}). */
@Component("successFormCheck")
class SuccessFormCheck implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case SuccessProcess.Tasks.DEFINE_SUCCESS_PLAN -> {
                FormInput.requiredText(execution, Vars.SUCCESS_GOALS);
                if (execution.getVariable(Vars.FIRST_TARGET_DATE) == null) {
                    throw new FormFieldValidationException(Vars.FIRST_TARGET_DATE, Vars.FIRST_TARGET_DATE + " is required");
                }
            }
            case SuccessProcess.Tasks.RUN_BUSINESS_REVIEW -> FormInput.requiredText(execution, Vars.BUSINESS_REVIEW_NOTES);
            case SuccessProcess.Tasks.RESCUE_AT_RISK_ACCOUNT -> FormInput.requiredText(execution, Vars.RESCUE_PLAN);
            default -> throw new IllegalStateException("No form check for " + execution.getCurrentActivityId());
        }
    }
}
