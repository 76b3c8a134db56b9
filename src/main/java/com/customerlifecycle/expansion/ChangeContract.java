package com.customerlifecycle.expansion;

import static com.customerlifecycle.expansion.ExpansionProcess.Vars;

import java.math.BigDecimal;
import java.time.Instant;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.customer.ContractChange;
import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The agreed expansion becomes a new contract version (who, when, what is kept); the expansion closes as agreed. */
@Component
class ChangeContract implements JavaDelegate {

    private final CustomerRepository customers;
    private final ExpansionRepository expansions;
    private final WorkingCalendar calendar;

    ChangeContract(CustomerRepository customers, ExpansionRepository expansions, WorkingCalendar calendar) {
        this.customers = customers;
        this.expansions = expansions;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String expansionId = (String) execution.getVariable(Vars.EXPANSION_ID);
        String decidedBy = (String) execution.getVariable(Vars.DECIDED_BY);
        int extendBy = Boolean.TRUE.equals(execution.getVariable(Vars.EXTEND_TERM))
                ? ((Number) execution.getVariable(Vars.TERM_YEARS)).intValue() : 0;
        ContractChange change = new ContractChange((String) execution.getVariable(Vars.PLAN),
                ((Number) execution.getVariable(Vars.SEATS)).intValue(),
                BigDecimal.valueOf(((Number) execution.getVariable(Vars.ANNUAL_VALUE)).doubleValue()), extendBy);
        customers.changeContract((String) execution.getVariable(Vars.CUSTOMER_ID), change, "expansion:" + expansionId,
                decidedBy, calendar.today(), now);
        expansions.close(expansionId, ExpansionRepository.AGREED, (String) execution.getVariable(Vars.OUTCOME_NOTES),
                decidedBy, now);
    }
}
