package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import java.math.BigDecimal;
import java.time.Instant;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * After a check-in (the form has checked the input): records health (and, for low-touch customers, the hours used against the
 * quarter's budget), and tells the process the health band and whether growth was spotted.
 */
@Component
class RecordCheckIn implements JavaDelegate {


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
        int healthScore = ((Number) execution.getVariable(Vars.HEALTH_SCORE)).intValue();
        String notes = ((String) execution.getVariable(Vars.CHECK_IN_NOTES)).trim();
        boolean expansion = Boolean.TRUE.equals(execution.getVariable(Vars.EXPANSION_OPPORTUNITY));
        BigDecimal hoursUsed = null;
        if (SuccessProcess.LOW_TOUCH.equals(execution.getVariable(Vars.TOUCH_TIER))) {
            hoursUsed = new BigDecimal(execution.getVariable(Vars.HOURS_USED).toString());
        }
        HealthBand band = HealthBand.of(healthScore);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String customerId = (String) execution.getVariable(Vars.CUSTOMER_ID);
        checkIns.insert(new CheckInRepository.CheckIn(customerId, CurrentUser.of(execution), calendar.quarterOf(now),
                healthScore, band, hoursUsed, notes, expansion), now);
        customers.recordHealth(customerId, healthScore, band.code(), now);
        execution.setVariable(Vars.HEALTH_BAND, band.code());
    }
}
