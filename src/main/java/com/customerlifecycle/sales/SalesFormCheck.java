package com.customerlifecycle.sales;

import static com.customerlifecycle.sales.SalesProcess.Vars;

import java.util.Set;

import com.customerlifecycle.customer.Plans;
import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the account executives' and their helpers' forms, run as each user task ends (end listener
 * {@code ${salesFormCheck}}); a task cancelled by an event is not checked. Numbers are stored normalized so later
 * steps read one type.
 */
@Component("salesFormCheck")
class SalesFormCheck implements ExecutionListener {

    static final Set<String> DEAL_OUTCOMES = Set.of(SalesProcess.DealOutcome.WON, SalesProcess.DealOutcome.LOST);

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case SalesProcess.Tasks.RUN_DISCOVERY_CALL -> discovery(execution);
            case SalesProcess.Tasks.ASSESS_CUSTOM_SOLUTION -> solutionAssessment(execution);
            case SalesProcess.Tasks.ASSESS_SUCCESS_CRITERIA -> successCriteria(execution);
            case SalesProcess.Tasks.DEMO_TO_DECISION_MAKERS -> demo(execution);
            case SalesProcess.Tasks.PREPARE_PROPOSAL -> proposal(execution);
            case SalesProcess.Tasks.NEGOTIATE_AND_CLOSE -> decision(execution);
            default -> throw new IllegalStateException("No form check for " + execution.getCurrentActivityId());
        }
    }

    private static void discovery(DelegateExecution execution) {
        FormInput.requiredText(execution, Vars.NEEDS_SUMMARY);
        FormInput.yesOrNo(execution, Vars.COMPLEX_NEEDS);
        FormInput.yesOrNo(execution, Vars.INVOLVE_CSM);
    }

    private static void solutionAssessment(DelegateExecution execution) {
        FormInput.yesOrNo(execution, Vars.SOLUTION_FEASIBLE);
        FormInput.requiredText(execution, Vars.SOLUTION_NOTES);
    }

    private static void successCriteria(DelegateExecution execution) {
        FormInput.requiredText(execution, Vars.SUCCESS_CRITERIA);
    }

    private static void demo(DelegateExecution execution) {
        FormInput.oneOf(execution, Vars.RECOMMENDED_PLAN, Plans.ALL);
    }

    private static void proposal(DelegateExecution execution) {
        FormInput.oneOf(execution, Vars.PLAN, Plans.ALL);
        execution.setVariable(Vars.SEATS, FormInput.wholeNumber(execution, Vars.SEATS, 1, 1_000_000));
        execution.setVariable(Vars.TERM_YEARS, FormInput.wholeNumber(execution, Vars.TERM_YEARS, 1, 3));
        execution.setVariable(Vars.ANNUAL_VALUE, FormInput.positiveAmount(execution, Vars.ANNUAL_VALUE).doubleValue());
        FormInput.yesOrNo(execution, Vars.IMPLEMENTATION_PURCHASED);
        FormInput.yesOrNo(execution, Vars.STRATEGIC_ACCOUNT);
        FormInput.requiredText(execution, Vars.SUBSCRIPTION_OWNER_NAME);
        FormInput.email(execution, Vars.SUBSCRIPTION_OWNER_EMAIL);
    }

    private static void decision(DelegateExecution execution) {
        String outcome = FormInput.oneOf(execution, Vars.DEAL_OUTCOME, DEAL_OUTCOMES);
        if (SalesProcess.DealOutcome.LOST.equals(outcome)) {
            FormInput.requiredText(execution, Vars.LOSS_REASON, "when the deal is lost");
        }
        execution.setVariable(Vars.DEAL_CLOSED_BY, FormInput.completedBy(execution));
    }
}
