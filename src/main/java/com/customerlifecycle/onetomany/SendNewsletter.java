package com.customerlifecycle.onetomany;

import java.time.Instant;
import java.util.Map;

import com.customerlifecycle.calendar.WorkingCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The monthly newsletter of the one-to-many programme, with webinar invitations; once per customer and month. */
@Component
class SendNewsletter implements JavaDelegate {

    static final String STEP_PREFIX = "newsletter-";

    private final CustomerLetters letters;
    private final WorkingCalendar calendar;
    private final Webinars webinars;

    SendNewsletter(CustomerLetters letters, WorkingCalendar calendar, Webinars webinars) {
        this.letters = letters;
        this.calendar = calendar;
        this.webinars = webinars;
    }

    /** An upcoming webinar as the newsletter lists it. */
    record Invitation(String topic, Instant startsAt, boolean expert, Integer seatsLeft) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String month = calendar.monthOf(now);
        letters.send(execution, STEP_PREFIX + month, "newsletter", Map.of(
                "month", month,
                "webinars", webinars.upcoming(now).stream()
                        .map(webinar -> new Invitation(webinar.topic(), webinar.startsAt(), webinar.seatsLeft() != null,
                                webinar.seatsLeft()))
                        .toList()));
    }
}
