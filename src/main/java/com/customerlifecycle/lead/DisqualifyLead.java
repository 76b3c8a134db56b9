package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A lead that does not qualify ends with the SDR's reason. */
@Component
class DisqualifyLead implements JavaDelegate {

    private final LeadRepository leads;

    DisqualifyLead(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.updateStatus((String) execution.getVariable(Vars.LEAD_ID), LeadStatus.DISQUALIFIED,
                (String) execution.getVariable(Vars.DISQUALIFICATION_REASON), TrialSignUpService.now());
    }
}
