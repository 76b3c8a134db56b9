package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Vars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import com.customerlifecycle.calendar.WorkingCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * As "Plan webinar" ends (end listener {@code ${scheduleWebinar}}): the webinar must start more than a day ahead, so
 * that the reminder the day before can go out; sets the timer dates {@code startsAt} and {@code reminderAt}. The form
 * itself checks the fields (see {@code forms.SubmittedFormCheck}); a regular webinar has no participant cap.
 */
@Component
class ScheduleWebinar implements ExecutionListener {

    private final WorkingCalendar calendar;

    ScheduleWebinar(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        if (!Webinars.EXPERT.equals(execution.getVariable(Vars.KIND))) {
            execution.setVariable(Vars.PARTICIPANT_CAP, null);
        }
        Instant startsAt = instant(execution.getVariable(Vars.STARTS_AT));
        if (!startsAt.isAfter(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)))) {
            throw new FormFieldValidationException(Vars.STARTS_AT, Vars.STARTS_AT + " must be more than a day ahead");
        }
        execution.setVariable(Vars.STARTS_AT, Date.from(startsAt));
        execution.setVariable(Vars.REMINDER_AT, Date.from(startsAt.minus(Duration.ofDays(1))));
    }

    /** A date and time with its offset, or without one in the business time zone. */
    private Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = String.valueOf(value);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(calendar.zone()).toInstant();
            } catch (DateTimeParseException notADateTime) {
                throw new FormFieldValidationException(Vars.STARTS_AT, Vars.STARTS_AT + " must be a date and time, was " + text);
            }
        }
    }
}
