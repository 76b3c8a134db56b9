package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When an SDR completes "Contact ...": counts the attempt and records who called and what came of it. */
@Component
class RecordContactAttempt implements TaskListener {

    private static final Set<String> OUTCOMES = Set.of(LeadProcess.ContactOutcome.REACHED, LeadProcess.ContactOutcome.NO_ANSWER);

    private final LeadRepository leads;

    RecordContactAttempt(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(Vars.CONTACT_OUTCOME);
        if (!(outcome instanceof String value) || !OUTCOMES.contains(value)) {
            throw new BadUserRequestException(Vars.CONTACT_OUTCOME + " must be one of " + OUTCOMES + ", was " + outcome);
        }
        int attempt = ((Number) task.getVariable(Vars.CONTACT_ATTEMPTS)).intValue() + 1;
        Object notes = task.getVariable(Vars.CONTACT_NOTES);
        leads.recordContactAttempt((String) task.getVariable(Vars.LEAD_ID), new Lead.ContactAttempt(
                attempt, value, TaskCompleter.of(task), notes == null ? null : notes.toString(), TrialSignUpService.now()));
        task.setVariable(Vars.CONTACT_ATTEMPTS, attempt);
    }
}
