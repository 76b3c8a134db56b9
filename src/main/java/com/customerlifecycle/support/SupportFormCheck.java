package com.customerlifecycle.support;

import static com.customerlifecycle.support.SupportProcess.Vars;

import java.util.Set;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Server-side checks of the support forms, run as each user task ends (end listener {@code ${supportFormCheck}}). */
@Component("supportFormCheck")
class SupportFormCheck implements ExecutionListener {

    static final String ESCALATE = "escalate";
    static final Set<String> LINE_1_OUTCOMES = Set.of("resolved", ESCALATE);

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case SupportProcess.Tasks.TRIAGE_SUPPORT_CASE -> {
                FormInput.requiredText(execution, Vars.RESOLUTION);
                String outcome = FormInput.oneOf(execution, Vars.LINE_1_OUTCOME, LINE_1_OUTCOMES);
                execution.setVariable(Vars.ESCALATE_TO_SECOND_LINE, ESCALATE.equals(outcome));
            }
            case SupportProcess.Tasks.RESOLVE_PAYMENT_QUESTION -> {
                FormInput.requiredText(execution, Vars.RESOLUTION);
                execution.setVariable(Vars.ESCALATE_TO_SECOND_LINE, false);
            }
            case SupportProcess.Tasks.RESOLVE_ESCALATED_CASE -> {
                FormInput.requiredText(execution, Vars.TECHNICAL_RESOLUTION);
                if ("bug".equals(execution.getVariable(Vars.CATEGORY))) {
                    FormInput.requiredText(execution, Vars.PRODUCT_BUG_REFERENCE, "for a bug");
                }
            }
            case SupportProcess.Tasks.FOLLOW_UP_SETUP_ADVICE, SupportProcess.Tasks.FOLLOW_UP_SETUP_ADVICE_AS_AM,
                 SupportProcess.Tasks.FOLLOW_UP_SETUP_ADVICE_AS_SDR -> FormInput.requiredText(execution, Vars.FOLLOW_UP_NOTES);
            default -> throw new IllegalStateException("No form check for " + execution.getCurrentActivityId());
        }
    }
}
