package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Vars;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The day before: every registered participant is reminded, once. */
@Component
class SendWebinarReminders implements JavaDelegate {

    static final String STEP = "webinar-reminder";

    private final WebinarMail mail;

    SendWebinarReminders(WebinarMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.toEveryParticipant((String) execution.getVariable(Vars.WEBINAR_ID), STEP, STEP, Map.of(
                "topic", execution.getVariable(Vars.TOPIC),
                "startsAt", execution.getVariable(Vars.STARTS_AT)));
    }
}
