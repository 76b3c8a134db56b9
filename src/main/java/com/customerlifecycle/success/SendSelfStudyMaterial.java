package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import com.customerlifecycle.system.WorkingCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** A low-touch customer's CSM hours of the quarter are used up: self-study material instead, once per quarter. */
@Component
class SendSelfStudyMaterial implements JavaDelegate {

    static final String STEP_PREFIX = "self-study-";

    private final CustomerLetters letters;
    private final WorkingCalendar calendar;

    SendSelfStudyMaterial(CustomerLetters letters, WorkingCalendar calendar) {
        this.letters = letters;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quarter = calendar.quarterOf(ClockUtil.getCurrentTime().toInstant());
        letters.send(execution, STEP_PREFIX + quarter, "Self-study material for " + execution.getVariable(Vars.COMPANY), """
                your customer success manager's hours for %s are used up. Until the next quarter, these will help you
                along: the video course, the reference documents and our regular webinars. Our support team is there
                for any question.""".formatted(quarter));
    }
}
