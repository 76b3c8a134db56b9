package com.customerlifecycle.sales;

import static com.customerlifecycle.sales.SalesProcess.Vars;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.WonDeal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A won deal becomes the customer and its first contract (starting today, ending after the term), recorded with the
 * opportunity in one transaction. Runs as a job; running it again creates nothing new.
 */
@Component
class CreateCustomerAndContract implements JavaDelegate {

    private final CustomerRepository customers;
    private final OpportunityRepository opportunities;
    private final ZoneId businessZone;

    CreateCustomerAndContract(CustomerRepository customers, OpportunityRepository opportunities,
                              @Value("${clo.business-time-zone}") ZoneId businessZone) {
        this.customers = customers;
        this.opportunities = opportunities;
        this.businessZone = businessZone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String leadId = (String) execution.getVariable(Vars.LEAD_ID);
        WonDeal deal = new WonDeal(
                leadId,
                (String) execution.getVariable(Vars.COMPANY),
                (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_NAME),
                (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_EMAIL),
                (Boolean) execution.getVariable(Vars.STRATEGIC_ACCOUNT),
                (String) execution.getVariable(Vars.PLAN),
                ((Number) execution.getVariable(Vars.SEATS)).intValue(),
                ((Number) execution.getVariable(Vars.TERM_YEARS)).intValue(),
                BigDecimal.valueOf(((Number) execution.getVariable(Vars.ANNUAL_VALUE)).doubleValue()),
                (Boolean) execution.getVariable(Vars.IMPLEMENTATION_PURCHASED));
        CustomerRepository.CreatedCustomer created = customers.createFromWonDeal(deal, now.atZone(businessZone).toLocalDate(), now);
        opportunities.recordClosed(leadId, SalesProcess.DealOutcome.WON, deal.annualValue(), null, null,
                (String) execution.getVariable(Vars.DEAL_CLOSED_BY), created.customerId(), now);
        execution.setVariable(Vars.CUSTOMER_ID, created.customerId());
        execution.setVariable(Vars.CONTRACT_ID, created.contractId());
    }
}
