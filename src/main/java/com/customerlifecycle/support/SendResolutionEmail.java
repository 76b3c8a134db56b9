package com.customerlifecycle.support;

import static com.customerlifecycle.support.SupportProcess.Vars;

import java.util.Map;

import com.customerlifecycle.customer.CustomerMail;
import com.customerlifecycle.customer.MailTemplates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The case closes: the customer gets the resolution by e-mail and the case record its outcome, once — a retried job
 * finds the case resolved and sends nothing more.
 */
@Component
class SendResolutionEmail implements JavaDelegate {

    private final SupportCaseRepository cases;
    private final CustomerMail mail;
    private final MailTemplates templates;

    SendResolutionEmail(SupportCaseRepository cases, CustomerMail mail, MailTemplates templates) {
        this.cases = cases;
        this.mail = mail;
        this.templates = templates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean secondLine = Boolean.TRUE.equals(execution.getVariable(Vars.ESCALATE_TO_SECOND_LINE));
        String resolution = (String) execution.getVariable(secondLine ? Vars.TECHNICAL_RESOLUTION : Vars.RESOLUTION);
        boolean resolvedNow = cases.resolve((String) execution.getVariable(Vars.CASE_ID), secondLine ? 2 : 1, resolution,
                (String) execution.getVariable(Vars.PRODUCT_BUG_REFERENCE), ClockUtil.getCurrentTime().toInstant());
        if (resolvedNow) {
            mail.send(templates.compose("support-resolution", (String) execution.getVariable(Vars.CONTACT_EMAIL),
                    (String) execution.getVariable(Vars.CONTACT_NAME),
                    Map.of("subject", execution.getVariable(Vars.SUBJECT), "resolution", resolution)));
        }
    }
}
