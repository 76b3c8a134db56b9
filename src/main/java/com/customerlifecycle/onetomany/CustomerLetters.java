package com.customerlifecycle.onetomany;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import java.util.HashMap;
import java.util.Map;

import com.customerlifecycle.customer.CustomerMail;
import com.customerlifecycle.customer.MailTemplates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The one-to-many programme's e-mails to a customer's subscription owner, each at most once per step. */
@Component
class CustomerLetters {

    private final CustomerMail mail;
    private final MailTemplates templates;

    CustomerLetters(CustomerMail mail, MailTemplates templates) {
        this.mail = mail;
        this.templates = templates;
    }

    /** The mail {@code template} with {@code values} (the company is always there), unless {@code step} was sent. */
    void send(DelegateExecution execution, String step, String template, Map<String, ?> values) {
        Map<String, Object> withCompany = new HashMap<>(values);
        withCompany.put("company", execution.getVariable(Vars.COMPANY));
        mail.sendOnce((String) execution.getVariable(Vars.CUSTOMER_ID), step,
                templates.compose(template, (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_EMAIL),
                        (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_NAME), withCompany),
                ClockUtil.getCurrentTime().toInstant());
    }
}
