package com.customerlifecycle.expansion;

import static com.customerlifecycle.expansion.ExpansionProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The customer declined: the expansion closes with the AM's notes, and the next signal may open a new one. */
@Component
class RecordDeclinedExpansion implements JavaDelegate {

    private final ExpansionRepository expansions;

    RecordDeclinedExpansion(ExpansionRepository expansions) {
        this.expansions = expansions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        expansions.close((String) execution.getVariable(Vars.EXPANSION_ID), ExpansionRepository.DECLINED,
                (String) execution.getVariable(Vars.OUTCOME_NOTES), (String) execution.getVariable(Vars.DECIDED_BY),
                ClockUtil.getCurrentTime().toInstant());
    }
}
