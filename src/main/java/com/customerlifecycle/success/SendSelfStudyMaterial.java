package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import java.time.Instant;
import java.util.Map;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.customer.CustomerMail;
import com.customerlifecycle.customer.MailTemplates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** A low-touch customer's CSM hours of the quarter are used up: self-study material instead, once per quarter. */
@Component
class SendSelfStudyMaterial implements JavaDelegate {

    static final String STEP_PREFIX = "self-study-";

    private final CustomerMail mail;
    private final MailTemplates templates;
    private final WorkingCalendar calendar;

    SendSelfStudyMaterial(CustomerMail mail, MailTemplates templates, WorkingCalendar calendar) {
        this.mail = mail;
        this.templates = templates;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String quarter = calendar.quarterOf(now);
        mail.sendOnce((String) execution.getVariable(Vars.CUSTOMER_ID), STEP_PREFIX + quarter,
                templates.compose("self-study-material", (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_EMAIL),
                        (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_NAME),
                        Map.of("company", execution.getVariable(Vars.COMPANY), "quarter", quarter)),
                now);
    }
}
