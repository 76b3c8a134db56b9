package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

import java.math.BigDecimal;

import com.customerlifecycle.system.WorkingCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A low-touch customer's personal CSM works a budget of hours per quarter ({@code csmHoursPerQuarter}); once it is
 * spent, further CSM work that quarter is refused and self-study material goes out instead. High-touch customers
 * have no such limit. Diagrams ask {@code ${csmBudget.hasHoursLeft(execution)}}.
 */
@Component("csmBudget")
public class CsmBudget {

    private final CheckInRepository checkIns;
    private final WorkingCalendar calendar;

    CsmBudget(CheckInRepository checkIns, WorkingCalendar calendar) {
        this.checkIns = checkIns;
        this.calendar = calendar;
    }

    public boolean hasHoursLeft(DelegateExecution execution) {
        if (!SuccessProcess.LOW_TOUCH.equals(execution.getVariable(Vars.TOUCH_TIER))) {
            return true;
        }
        String quarter = calendar.quarterOf(ClockUtil.getCurrentTime().toInstant());
        BigDecimal budget = new BigDecimal(execution.getVariable(Vars.CSM_HOURS_PER_QUARTER).toString());
        BigDecimal used = checkIns.hoursUsed((String) execution.getVariable(Vars.CUSTOMER_ID), quarter);
        if (used.compareTo(budget) < 0) {
            return true;
        }
        execution.setVariable(Vars.CSM_WORK_REFUSED_REASON, "The " + budget.stripTrailingZeros().toPlainString()
                + " CSM hours of " + quarter + " are used up (" + used.stripTrailingZeros().toPlainString()
                + " h): self-study material instead of a check-in");
        return false;
    }
}
