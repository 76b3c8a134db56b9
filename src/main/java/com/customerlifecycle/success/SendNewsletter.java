package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

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

    SendNewsletter(CustomerLetters letters, WorkingCalendar calendar) {
        this.letters = letters;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String month = calendar.monthOf(ClockUtil.getCurrentTime().toInstant());
        letters.send(execution, STEP_PREFIX + month, "Newsletter " + month + " for " + execution.getVariable(Vars.COMPANY), """
                this month: what is new in the product, a tip from our customer success team, and the webinars you can
                join (register in the help centre; expert sessions have limited seats).""");
    }
}
