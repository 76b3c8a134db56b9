package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import com.customerlifecycle.forms.OptionalText;
import com.customerlifecycle.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After "Contact ...": counts the attempt and records who called and what came of it (SDR KPI: calls made). */
@Component
class RecordContactAttempt implements JavaDelegate {


    private final LeadRepository leads;

    RecordContactAttempt(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = (String) execution.getVariable(Vars.CONTACT_OUTCOME);
        int attempt = ((Number) execution.getVariable(Vars.CONTACT_ATTEMPTS)).intValue() + 1;
        leads.recordContactAttempt((String) execution.getVariable(Vars.LEAD_ID), new Lead.ContactAttempt(attempt, outcome,
                CurrentUser.of(execution), OptionalText.of(execution.getVariable(Vars.CONTACT_NOTES)),
                TrialSignUpService.now()));
        execution.setVariable(Vars.CONTACT_ATTEMPTS, attempt);
    }
}
