package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import java.time.Instant;
import java.util.List;

import com.customerlifecycle.onetomany.WebinarInvitations;
import com.customerlifecycle.system.WorkingCalendar;
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
    private final WebinarInvitations invitations;

    SendNewsletter(CustomerLetters letters, WorkingCalendar calendar, WebinarInvitations invitations) {
        this.letters = letters;
        this.calendar = calendar;
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String month = calendar.monthOf(now);
        List<String> webinars = invitations.upcoming(now);
        letters.send(execution, STEP_PREFIX + month, "Newsletter " + month + " for " + execution.getVariable(Vars.COMPANY), """
                this month: what is new in the product and a tip from our customer success team.

                Webinars you can join (register in the help centre):
                %s""".formatted(webinars.isEmpty() ? "- none planned yet; we will let you know" : String.join("\n", webinars)));
    }
}
