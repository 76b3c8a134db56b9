package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import java.util.Set;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After "Contact ...": counts the attempt and records who called and what came of it (SDR KPI: calls made). */
@Component
class RecordContactAttempt implements JavaDelegate {

    private static final Set<String> OUTCOMES = Set.of(LeadProcess.ContactOutcome.REACHED, LeadProcess.ContactOutcome.NO_ANSWER);

    private final LeadRepository leads;

    RecordContactAttempt(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = FormInput.oneOf(execution, Vars.CONTACT_OUTCOME, OUTCOMES);
        int attempt = ((Number) execution.getVariable(Vars.CONTACT_ATTEMPTS)).intValue() + 1;
        leads.recordContactAttempt((String) execution.getVariable(Vars.LEAD_ID), new Lead.ContactAttempt(attempt, outcome,
                FormInput.completedBy(execution), FormInput.text(execution, Vars.CONTACT_NOTES), TrialSignUpService.now()));
        execution.setVariable(Vars.CONTACT_ATTEMPTS, attempt);
    }
}
