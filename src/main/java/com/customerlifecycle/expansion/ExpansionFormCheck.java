package com.customerlifecycle.expansion;

import static com.customerlifecycle.expansion.ExpansionProcess.Vars;


import com.customerlifecycle.customer.Plans;
import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Server-side check of "Discuss expansion ..." as it ends (end listener {@code ${expansionFormCheck}}). */
@Component("expansionFormCheck")
class ExpansionFormCheck implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        if (FormInput.yesOrNo(execution, Vars.EXPANSION_AGREED)) {
            FormInput.oneOf(execution, Vars.PLAN, Plans.ALL);
            execution.setVariable(Vars.SEATS, FormInput.wholeNumber(execution, Vars.SEATS, 1, 1_000_000));
            execution.setVariable(Vars.ANNUAL_VALUE, FormInput.positiveAmount(execution, Vars.ANNUAL_VALUE).doubleValue());
            boolean extend = execution.getVariable(Vars.EXTEND_TERM) != null && FormInput.yesOrNo(execution, Vars.EXTEND_TERM);
            execution.setVariable(Vars.EXTEND_TERM, extend);
            if (extend) {
                execution.setVariable(Vars.TERM_YEARS, FormInput.wholeNumber(execution, Vars.TERM_YEARS, 1, 3));
            }
        } else {
            FormInput.requiredText(execution, Vars.OUTCOME_NOTES, "when the customer declined");
        }
        execution.setVariable(Vars.DECIDED_BY, FormInput.completedBy(execution));
    }
}
