package com.customerlifecycle.onetomany;

import java.util.Map;

import com.customerlifecycle.customer.CustomerMail;
import com.customerlifecycle.customer.MailTemplates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** E-mails to a webinar's participants, at most once per participant and step. */
@Component
class WebinarMail {

    private final Webinars webinars;
    private final CustomerMail mail;
    private final MailTemplates templates;

    WebinarMail(Webinars webinars, CustomerMail mail, MailTemplates templates) {
        this.webinars = webinars;
        this.mail = mail;
        this.templates = templates;
    }

    /** The mail {@code template} with {@code values} to every participant; {@code step} names it in the record. */
    void toEveryParticipant(String webinarId, String step, String template, Map<String, ?> values) {
        for (Webinars.Registration participant : webinars.registrations(webinarId)) {
            mail.sendOnce(participant.customerId(), step + "-" + participant.registrationId(),
                    templates.compose(template, participant.email(), participant.name(), values),
                    ClockUtil.getCurrentTime().toInstant());
        }
    }
}
