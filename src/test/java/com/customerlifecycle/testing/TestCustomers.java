package com.customerlifecycle.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.WonDeal;
import com.customerlifecycle.lead.TestLeads;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.success.SuccessProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Active customers with a contract, stored without running sales and onboarding, for tests of later stages. */
public final class TestCustomers {

    private TestCustomers() {
    }

    public record TestCustomer(String customerId, String leadId, String company, String ownerEmail) {
    }

    /** An active customer of that tier (account manager {@code amy}) and its {@code customer-success} instance. */
    public static ProcessInstance inCustomerSuccess(TrialSignUpService signUps, CustomerRepository customers,
                                                    RuntimeService runtimeService, String company, String touchTier) {
        return inCustomerSuccess(runtimeService, active(signUps, customers, company, touchTier, "amy"), touchTier);
    }

    /** The customer's {@code customer-success} instance (account manager {@code amy}). */
    public static ProcessInstance inCustomerSuccess(RuntimeService runtimeService, TestCustomer customer, String touchTier) {
        return runtimeService.startProcessInstanceByKey(SuccessProcess.KEY, customer.leadId(), Map.of(
                "customerId", customer.customerId(), "company", customer.company(), "touchTier", touchTier,
                "accountManager", "amy", "subscriptionOwnerName", "Olga Owner",
                "subscriptionOwnerEmail", customer.ownerEmail()));
    }

    /** A renewal cycle of the customer's active contract (subscription owner Olga Owner, account manager {@code amy}). */
    public static ProcessInstance inRenewal(RuntimeService runtimeService, TestCustomer customer) {
        return runtimeService.startProcessInstanceByKey(RenewalProcess.KEY, customer.leadId(), Map.of(
                "customerId", customer.customerId(), "company", customer.company(),
                "subscriptionOwnerName", "Olga Owner", "accountManager", "amy"));
    }

    public static TestCustomer active(TrialSignUpService signUps, CustomerRepository customers, String company,
                                      String touchTier, String accountManager) {
        return active(signUps, customers, company, touchTier, accountManager, LocalDate.of(2026, 11, 1));
    }

    /** A customer whose one-year contract started on {@code contractStart}. */
    public static TestCustomer active(TrialSignUpService signUps, CustomerRepository customers, String company,
                                      String touchTier, String accountManager, LocalDate contractStart) {
        String leadId = TestLeads.store(signUps, company).leadId();
        String ownerEmail = "owner-" + UUID.randomUUID() + "@example.com";
        var now = ClockUtil.getCurrentTime().toInstant();
        String customerId = customers.createFromWonDeal(new WonDeal(leadId, company, "Olga Owner", ownerEmail, false,
                "business", 20, 1, new BigDecimal("24000.00"), false), contractStart, now).customerId();
        customers.assignTouchTier(customerId, touchTier, now);
        if (accountManager != null) {
            customers.assignAccountManager(customerId, accountManager, now);
        }
        customers.activate(customerId, now);
        return new TestCustomer(customerId, leadId, company, ownerEmail);
    }
}
