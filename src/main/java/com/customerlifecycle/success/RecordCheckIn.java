package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import java.math.BigDecimal;
import java.time.Instant;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.system.FormInput;
import com.customerlifecycle.system.WorkingCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * After a check-in: checks the form, records health (and, for low-touch customers, the hours used against the
 * quarter's budget), and tells the process the health band and whether growth was spotted.
 */
@Component
class RecordCheckIn implements JavaDelegate {

    private static final BigDecimal MIN_HOURS = new BigDecimal("0.25");
    private static final BigDecimal MAX_HOURS = new BigDecimal("40");

    private final CheckInRepository checkIns;
    private final CustomerRepository customers;
    private final WorkingCalendar calendar;

    RecordCheckIn(CheckInRepository checkIns, CustomerRepository customers, WorkingCalendar calendar) {
        this.checkIns = checkIns;
        this.customers = customers;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int healthScore = FormInput.wholeNumber(execution, Vars.HEALTH_SCORE, 0, 100);
        String notes = FormInput.requiredText(execution, Vars.CHECK_IN_NOTES);
        boolean expansion = FormInput.yesOrNo(execution, Vars.EXPANSION_OPPORTUNITY);
        if (expansion) {
            FormInput.requiredText(execution, Vars.EXPANSION_NOTES, "when there is an expansion opportunity");
        }
        BigDecimal hoursUsed = null;
        if (SuccessProcess.LOW_TOUCH.equals(execution.getVariable(Vars.TOUCH_TIER))) {
            hoursUsed = FormInput.positiveAmount(execution, Vars.HOURS_USED);
            if (hoursUsed.compareTo(MIN_HOURS) < 0 || hoursUsed.compareTo(MAX_HOURS) > 0) {
                throw new FormFieldValidationException(Vars.HOURS_USED, Vars.HOURS_USED + " must be from 0.25 to 40 hours");
            }
        }
        HealthBand band = HealthBand.of(healthScore);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String customerId = (String) execution.getVariable(Vars.CUSTOMER_ID);
        checkIns.insert(new CheckInRepository.CheckIn(customerId, FormInput.completedBy(execution), calendar.quarterOf(now),
                healthScore, band, hoursUsed, notes, expansion), now);
        customers.recordHealth(customerId, healthScore, band.code(), now);
        execution.setVariable(Vars.HEALTH_BAND, band.code());
    }
}
