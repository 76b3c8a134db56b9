package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Vars;

import java.math.BigDecimal;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The renewal manager's offers for 1, 2 and 3 years at the current annual value, each after the discount of the
 * {@code renewal-discount} table, so that the negotiation form shows the discounted values.
 */
@Component
class PrepareRenewalOffers implements JavaDelegate {

    private final DecisionService decisions;

    PrepareRenewalOffers(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BigDecimal value = BigDecimal.valueOf(((Number) execution.getVariable(Vars.CURRENT_ANNUAL_VALUE)).doubleValue());
        for (int years = 1; years <= 3; years++) {
            int discount = discountFor(years);
            String suffix = years == 1 ? "1Year" : years + "Years";
            execution.setVariable("offer" + suffix, RenewalPricing.afterDiscount(value, discount).doubleValue());
            execution.setVariable("discount" + suffix, discount);
        }
    }

    private int discountFor(int years) {
        Object discount = decisions.evaluateDecisionTableByKey(RenewalProcess.DISCOUNT_DECISION,
                Variables.createVariables().putValue(Vars.RENEWAL_TERM_YEARS, years)).getSingleResult().getSingleEntry();
        return ((Number) discount).intValue();
    }
}
