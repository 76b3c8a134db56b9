package com.customerlifecycle.expansion;

import static com.customerlifecycle.expansion.ExpansionProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * As "Discuss expansion" ends (end listener {@code ${requireDeclineReason}}): a declined expansion needs its reason in
 * the notes, which stay optional when the customer grows, a rule the form cannot state. The form checks the rest.
 */
@Component
class RequireDeclineReason implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled() || Boolean.TRUE.equals(execution.getVariable(Vars.EXPANSION_AGREED))) {
            return;
        }
        Object notes = execution.getVariable(Vars.OUTCOME_NOTES);
        if (notes == null || notes.toString().isBlank()) {
            throw new FormFieldValidationException(Vars.OUTCOME_NOTES,
                    Vars.OUTCOME_NOTES + " is required when the customer declined");
        }
    }
}
