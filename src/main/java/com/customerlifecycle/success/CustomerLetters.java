package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import com.customerlifecycle.customer.CustomerMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The one-to-many programme's e-mails to a customer's subscription owner, each at most once per step. */
@Component
class CustomerLetters {

    private final CustomerMail mail;

    CustomerLetters(CustomerMail mail) {
        this.mail = mail;
    }

    void send(DelegateExecution execution, String step, String subject, String body) {
        String owner = (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_NAME);
        mail.sendOnce((String) execution.getVariable(Vars.CUSTOMER_ID), step,
                new CustomerMail.Mail((String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_EMAIL), subject,
                        "Hello " + owner + ",\n\n" + body + "\n\nYour customer success team\n"),
                ClockUtil.getCurrentTime().toInstant());
    }
}
