package com.customerlifecycle.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A paying customer with its contract versions. */
public record Customer(
        String customerId,
        String leadId,
        String company,
        SubscriptionOwner subscriptionOwner,
        boolean strategicAccount,
        String accountManager,
        String csm,
        String touchTier,
        Integer healthScore,
        String healthBand,
        CustomerStatus status,
        Instant createdAt,
        List<Contract> contracts) {

    public record SubscriptionOwner(String name, String email) {
    }

    public record Contract(String contractId, int version, String plan, int seats, BigDecimal annualValue,
                           int termYears, LocalDate startDate, LocalDate endDate, boolean implementationPurchased,
                           String status, String changedBy, String changeSummary) {
    }
}
