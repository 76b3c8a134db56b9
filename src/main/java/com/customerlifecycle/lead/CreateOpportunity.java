package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A qualified lead becomes an opportunity, credited to the SDR who qualified it. */
@Component
class CreateOpportunity implements JavaDelegate {

    private final LeadRepository leads;

    CreateOpportunity(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.markQualified((String) execution.getVariable(Vars.LEAD_ID),
                (String) execution.getVariable(Vars.QUALIFICATION_DECIDED_BY), TrialSignUpService.now());
    }
}
