package com.customerlifecycle.sales;

import static com.customerlifecycle.sales.SalesProcess.Vars;

import java.math.BigDecimal;

import com.customerlifecycle.forms.OptionalText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** A lost deal is recorded with the account executive's reason. */
@Component
class RecordLostDeal implements JavaDelegate {

    private final OpportunityRepository opportunities;

    RecordLostDeal(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object proposedValue = execution.getVariable(Vars.ANNUAL_VALUE);
        opportunities.recordClosed((String) execution.getVariable(Vars.LEAD_ID), SalesProcess.DealOutcome.LOST,
                proposedValue == null ? null : BigDecimal.valueOf(((Number) proposedValue).doubleValue()),
                (String) execution.getVariable(Vars.LOSS_REASON), OptionalText.of(execution.getVariable(Vars.LOSS_NOTES)),
                (String) execution.getVariable(Vars.DEAL_CLOSED_BY), null, ClockUtil.getCurrentTime().toInstant());
    }
}
