package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Vars;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The planned webinar is published: customers can register through the API until the cap. */
@Component
class OpenWebinarRegistration implements JavaDelegate {

    private final Webinars webinars;

    OpenWebinarRegistration(Webinars webinars) {
        this.webinars = webinars;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object cap = execution.getVariable(Vars.PARTICIPANT_CAP);
        String webinarId = webinars.open(execution.getProcessInstanceId(), (String) execution.getVariable(Vars.TOPIC),
                (String) execution.getVariable(Vars.KIND), ((Date) execution.getVariable(Vars.STARTS_AT)).toInstant(),
                cap == null ? null : ((Number) cap).intValue(), (String) execution.getVariable(Vars.ORGANIZER),
                ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(Vars.WEBINAR_ID, webinarId);
    }
}
