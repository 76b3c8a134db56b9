package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Vars;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the webinar: every participant gets the recording, once; the webinar is marked held. */
@Component
class SendWebinarRecording implements JavaDelegate {

    static final String STEP = "webinar-recording";

    private final WebinarMail mail;
    private final Webinars webinars;

    SendWebinarRecording(WebinarMail mail, Webinars webinars) {
        this.mail = mail;
        this.webinars = webinars;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String webinarId = (String) execution.getVariable(Vars.WEBINAR_ID);
        String recording = (String) execution.getVariable(Vars.RECORDING_URL);
        mail.toEveryParticipant(webinarId, STEP, STEP, Map.of(
                "topic", execution.getVariable(Vars.TOPIC),
                "recordingUrl", recording));
        webinars.markHeld(webinarId, recording);
    }
}
