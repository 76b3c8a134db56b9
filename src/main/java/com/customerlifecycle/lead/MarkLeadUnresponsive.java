package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the last unanswered call the lead ends as unresponsive. */
@Component
class MarkLeadUnresponsive implements JavaDelegate {

    private final LeadRepository leads;

    MarkLeadUnresponsive(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int attempts = ((Number) execution.getVariable(Vars.CONTACT_ATTEMPTS)).intValue();
        leads.updateStatus((String) execution.getVariable(Vars.LEAD_ID), LeadStatus.UNRESPONSIVE,
                "No answer after " + attempts + " contact attempts", TrialSignUpService.now());
        execution.setVariable(Vars.LEAD_OUTCOME, LeadStatus.UNRESPONSIVE.code());
    }
}
