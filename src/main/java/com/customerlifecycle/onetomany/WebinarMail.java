package com.customerlifecycle.onetomany;

import com.customerlifecycle.customer.CustomerMail;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** E-mails to a webinar's participants, at most once per participant and step. */
@Component
class WebinarMail {

    private final Webinars webinars;
    private final CustomerMail mail;

    WebinarMail(Webinars webinars, CustomerMail mail) {
        this.webinars = webinars;
        this.mail = mail;
    }

    void toEveryParticipant(String webinarId, String step, String subject, String body) {
        for (Webinars.Registration participant : webinars.registrations(webinarId)) {
            mail.sendOnce(participant.customerId(), step + "-" + participant.registrationId(),
                    new CustomerMail.Mail(participant.email(), subject, "Hello " + participant.name() + ",\n\n" + body),
                    ClockUtil.getCurrentTime().toInstant());
        }
    }
}
