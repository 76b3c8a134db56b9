package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import java.math.BigDecimal;

import com.customerlifecycle.calendar.WorkingCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Before a check-in: are there CSM hours left this quarter? The budget is {@code csmHoursPerQuarter}, which the
 * {@code success-cadence} decision gives per touch tier (none: no limit). Sets {@code csmHoursLeft} for the gateway
 * and, when the budget is spent, the reason self-study material goes out instead.
 */
@Component
class CheckCsmHoursLeft implements JavaDelegate {

    private final CheckInRepository checkIns;
    private final WorkingCalendar calendar;

    CheckCsmHoursLeft(CheckInRepository checkIns, WorkingCalendar calendar) {
        this.checkIns = checkIns;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object hoursPerQuarter = execution.getVariable(Vars.CSM_HOURS_PER_QUARTER);
        if (hoursPerQuarter == null) {
            execution.setVariable(Vars.CSM_HOURS_LEFT, true);
            return;
        }
        String quarter = calendar.quarterOf(ClockUtil.getCurrentTime().toInstant());
        BigDecimal budget = new BigDecimal(hoursPerQuarter.toString());
        BigDecimal used = checkIns.hoursUsed((String) execution.getVariable(Vars.CUSTOMER_ID), quarter);
        boolean hoursLeft = used.compareTo(budget) < 0;
        execution.setVariable(Vars.CSM_HOURS_LEFT, hoursLeft);
        if (!hoursLeft) {
            execution.setVariable(Vars.CSM_WORK_REFUSED_REASON, "The " + budget.stripTrailingZeros().toPlainString()
                    + " CSM hours of " + quarter + " are used up (" + used.stripTrailingZeros().toPlainString()
                    + " h): self-study material instead of a check-in");
        }
    }
}
