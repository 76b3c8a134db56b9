package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import com.customerlifecycle.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After "Qualify ...": a qualified lead becomes an opportunity credited to the SDR who qualified it (KPI:
 * opportunities created); any other lead ends with the SDR's reason.
 */
@Component
class RecordQualificationDecision implements JavaDelegate {

    private final LeadRepository leads;

    RecordQualificationDecision(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String leadId = (String) execution.getVariable(Vars.LEAD_ID);
        if (Boolean.TRUE.equals(execution.getVariable(Vars.QUALIFIED))) {
            leads.markQualified(leadId, CurrentUser.of(execution), TrialSignUpService.now());
            execution.setVariable(Vars.LEAD_OUTCOME, LeadStatus.QUALIFIED.code());
        } else {
            String reason = ((String) execution.getVariable(Vars.DISQUALIFICATION_REASON)).trim();
            leads.updateStatus(leadId, LeadStatus.DISQUALIFIED, reason, TrialSignUpService.now());
            execution.setVariable(Vars.LEAD_OUTCOME, LeadStatus.DISQUALIFIED.code());
        }
    }
}
