package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Vars;

import java.util.Set;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Server-side checks of the renewal forms, run as each user task ends (end listener {@code ${renewalFormCheck}}). */
@Component("renewalFormCheck")
class RenewalFormCheck implements ExecutionListener {

    static final Set<String> DECIDED_OUTCOMES = Set.of(RenewalProcess.Outcome.RENEWED, RenewalProcess.Outcome.CHURNED);

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER -> FormInput.requiredText(execution, Vars.INTRODUCTION_NOTES);
            case RenewalProcess.Tasks.NEGOTIATE_RENEWAL -> negotiation(execution);
            case RenewalProcess.Tasks.RUN_EXIT_INTERVIEW -> FormInput.requiredText(execution, Vars.EXIT_INTERVIEW_NOTES);
            case RenewalProcess.Tasks.ESCALATE_EXPIRED_CONTRACT -> FormInput.requiredText(execution, Vars.ESCALATION_NOTES);
            default -> throw new IllegalStateException("No form check for " + execution.getCurrentActivityId());
        }
    }

    private static void negotiation(DelegateExecution execution) {
        String outcome = FormInput.oneOf(execution, Vars.RENEWAL_OUTCOME, DECIDED_OUTCOMES);
        if (RenewalProcess.Outcome.RENEWED.equals(outcome)) {
            execution.setVariable(Vars.RENEWAL_TERM_YEARS, FormInput.wholeNumber(execution, Vars.RENEWAL_TERM_YEARS, 1, 3));
            execution.setVariable(Vars.RENEWAL_ANNUAL_VALUE,
                    FormInput.positiveAmount(execution, Vars.RENEWAL_ANNUAL_VALUE).doubleValue());
        } else {
            FormInput.requiredText(execution, Vars.CHURN_REASON, "when the customer churns");
        }
        execution.setVariable(Vars.RENEWAL_DECIDED_BY, FormInput.completedBy(execution));
    }
}
