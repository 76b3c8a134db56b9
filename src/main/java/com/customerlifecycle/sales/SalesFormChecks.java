package com.customerlifecycle.sales;

import static com.customerlifecycle.sales.SalesProcess.Vars;

import java.util.Set;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the account executives' and their helpers' forms, run as each task ends
 * ({@code ${salesForms.proposal(execution)}}); a task cancelled by an event is not checked. Numbers are stored
 * normalized so later steps read one type.
 */
@Component("salesForms")
public class SalesFormChecks {

    static final Set<String> PLANS = Set.of("starter", "professional", "business", "enterprise");
    static final Set<String> DEAL_OUTCOMES = Set.of(SalesProcess.DealOutcome.WON, SalesProcess.DealOutcome.LOST);

    public void discovery(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput.requiredText(execution, Vars.NEEDS_SUMMARY);
        FormInput.yesOrNo(execution, Vars.COMPLEX_NEEDS);
        FormInput.yesOrNo(execution, Vars.INVOLVE_CSM);
    }

    public void solutionAssessment(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput.yesOrNo(execution, Vars.SOLUTION_FEASIBLE);
        FormInput.requiredText(execution, Vars.SOLUTION_NOTES);
    }

    public void successCriteria(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput.requiredText(execution, Vars.SUCCESS_CRITERIA);
    }

    public void demo(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput.oneOf(execution, Vars.RECOMMENDED_PLAN, PLANS);
    }

    public void proposal(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput.oneOf(execution, Vars.PLAN, PLANS);
        execution.setVariable(Vars.SEATS, FormInput.wholeNumber(execution, Vars.SEATS, 1, 1_000_000));
        execution.setVariable(Vars.TERM_YEARS, FormInput.wholeNumber(execution, Vars.TERM_YEARS, 1, 3));
        execution.setVariable(Vars.ANNUAL_VALUE, FormInput.positiveAmount(execution, Vars.ANNUAL_VALUE).doubleValue());
        FormInput.yesOrNo(execution, Vars.IMPLEMENTATION_PURCHASED);
        FormInput.yesOrNo(execution, Vars.STRATEGIC_ACCOUNT);
        FormInput.requiredText(execution, Vars.SUBSCRIPTION_OWNER_NAME);
        FormInput.email(execution, Vars.SUBSCRIPTION_OWNER_EMAIL);
    }

    public void decision(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        String outcome = FormInput.oneOf(execution, Vars.DEAL_OUTCOME, DEAL_OUTCOMES);
        if (SalesProcess.DealOutcome.LOST.equals(outcome)) {
            FormInput.requiredText(execution, Vars.LOSS_REASON, "when the deal is lost");
        }
        execution.setVariable(Vars.DEAL_CLOSED_BY, FormInput.completedBy(execution));
    }
}
