package com.customerlifecycle.support;

import static com.customerlifecycle.support.SupportProcess.Vars;

import com.customerlifecycle.customer.CustomerMail;
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

    SendResolutionEmail(SupportCaseRepository cases, CustomerMail mail) {
        this.cases = cases;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean secondLine = Boolean.TRUE.equals(execution.getVariable(Vars.ESCALATE_TO_SECOND_LINE));
        String resolution = (String) execution.getVariable(secondLine ? Vars.TECHNICAL_RESOLUTION : Vars.RESOLUTION);
        boolean resolvedNow = cases.resolve((String) execution.getVariable(Vars.CASE_ID), secondLine ? 2 : 1, resolution,
                (String) execution.getVariable(Vars.PRODUCT_BUG_REFERENCE), ClockUtil.getCurrentTime().toInstant());
        if (resolvedNow) {
            mail.send(new CustomerMail.Mail((String) execution.getVariable(Vars.CONTACT_EMAIL),
                    "Your support case: " + execution.getVariable(Vars.SUBJECT),
                    "Hello " + execution.getVariable(Vars.CONTACT_NAME) + ",\n\n" + resolution
                            + "\n\nReply to this e-mail if anything is still unclear.\n\nYour support team\n"));
        }
    }
}
