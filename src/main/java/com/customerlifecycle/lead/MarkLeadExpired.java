package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The trial ended before the lead was qualified; its e-mail may sign up again. */
@Component
class MarkLeadExpired implements JavaDelegate {

    private final LeadRepository leads;

    MarkLeadExpired(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.markExpired((String) execution.getVariable(Vars.LEAD_ID), TrialSignUpService.now());
        execution.setVariable(Vars.LEAD_OUTCOME, LeadStatus.EXPIRED.code());
    }
}
