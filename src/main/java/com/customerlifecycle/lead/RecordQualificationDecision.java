package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When an SDR completes "Qualify ...": the decision must be complete; remembers who made it. */
@Component
class RecordQualificationDecision implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object qualified = task.getVariable(Vars.QUALIFIED);
        if (!(qualified instanceof Boolean decision)) {
            throw new BadUserRequestException(Vars.QUALIFIED + " must be true or false, was " + qualified);
        }
        Object reason = task.getVariable(Vars.DISQUALIFICATION_REASON);
        if (!decision && (reason == null || reason.toString().isBlank())) {
            throw new BadUserRequestException(Vars.DISQUALIFICATION_REASON + " is required when the lead is not qualified");
        }
        task.setVariable(Vars.QUALIFICATION_DECIDED_BY, TaskCompleter.of(task));
    }
}
