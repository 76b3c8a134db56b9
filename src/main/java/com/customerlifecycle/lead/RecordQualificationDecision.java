package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import com.customerlifecycle.system.FormInput;
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
        if (FormInput.yesOrNo(execution, Vars.QUALIFIED)) {
            leads.markQualified(leadId, FormInput.completedBy(execution), TrialSignUpService.now());
            execution.setVariable(Vars.LEAD_OUTCOME, LeadStatus.QUALIFIED.code());
        } else {
            String reason = FormInput.requiredText(execution, Vars.DISQUALIFICATION_REASON, "when the lead is not qualified");
            leads.updateStatus(leadId, LeadStatus.DISQUALIFIED, reason, TrialSignUpService.now());
            execution.setVariable(Vars.LEAD_OUTCOME, LeadStatus.DISQUALIFIED.code());
        }
    }
}
