package com.customerlifecycle.onetomany;

import static com.customerlifecycle.onetomany.OneToManyProcess.Vars;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the webinar forms as each task ends (end listener {@code ${webinarFormCheck}}). Planning sets
 * the timer dates: {@code startsAt} and {@code reminderAt}, the day before.
 */
@Component("webinarFormCheck")
class WebinarFormCheck implements ExecutionListener {

    static final Set<String> KINDS = Set.of("regular", Webinars.EXPERT);

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case OneToManyProcess.Tasks.PLAN_WEBINAR -> plan(execution);
            case OneToManyProcess.Tasks.HOST_WEBINAR -> {
                String url = FormInput.requiredText(execution, Vars.RECORDING_URL);
                if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    throw new FormFieldValidationException(Vars.RECORDING_URL, Vars.RECORDING_URL + " must be a web address");
                }
            }
            default -> throw new IllegalStateException("No form check for " + execution.getCurrentActivityId());
        }
    }

    private static void plan(DelegateExecution execution) {
        FormInput.requiredText(execution, Vars.TOPIC);
        String kind = FormInput.oneOf(execution, Vars.KIND, KINDS);
        if (Webinars.EXPERT.equals(kind)) {
            execution.setVariable(Vars.PARTICIPANT_CAP, FormInput.wholeNumber(execution, Vars.PARTICIPANT_CAP, 1, 10_000));
        } else {
            execution.setVariable(Vars.PARTICIPANT_CAP, null);
        }
        Instant startsAt = instant(execution.getVariable(Vars.STARTS_AT));
        if (!startsAt.isAfter(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)))) {
            throw new FormFieldValidationException(Vars.STARTS_AT, Vars.STARTS_AT + " must be more than a day ahead");
        }
        execution.setVariable(Vars.STARTS_AT, Date.from(startsAt));
        execution.setVariable(Vars.REMINDER_AT, Date.from(startsAt.minus(Duration.ofDays(1))));
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notADate) {
                // reported below
            }
        }
        throw new FormFieldValidationException(Vars.STARTS_AT, Vars.STARTS_AT + " must be a date and time with offset, was " + value);
    }
}
