package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import com.customerlifecycle.expansion.ExpansionSignals;
import com.customerlifecycle.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Growth spotted at a check-in goes to the account manager; the CSM never prices it. */
@Component
class HandExpansionToAm implements JavaDelegate {

    private final ExpansionSignals signals;

    HandExpansionToAm(ExpansionSignals signals) {
        this.signals = signals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String csm = CurrentUser.of(execution);
        signals.signal((String) execution.getVariable(Vars.CUSTOMER_ID), new ExpansionSignals.Signal(
                (String) execution.getVariable(Vars.EXPANSION_NOTES), null, "CSM check-in" + (csm == null ? "" : " by " + csm)));
    }
}
