package com.customerlifecycle.support;

import static com.customerlifecycle.support.SupportProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Line 1 answered: the time of the first response is recorded against the deadline. */
@Component
class RecordFirstResponse implements JavaDelegate {

    private final SupportCaseRepository cases;

    RecordFirstResponse(SupportCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordFirstResponse((String) execution.getVariable(Vars.CASE_ID), ClockUtil.getCurrentTime().toInstant());
    }
}
