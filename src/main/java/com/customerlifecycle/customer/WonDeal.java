package com.customerlifecycle.customer;

import java.math.BigDecimal;

/** What the account executive agreed with the customer: becomes the customer and its first contract. */
public record WonDeal(
        String leadId,
        String company,
        String subscriptionOwnerName,
        String subscriptionOwnerEmail,
        boolean strategicAccount,
        String plan,
        int seats,
        int termYears,
        BigDecimal annualValue,
        boolean implementationPurchased) {
}
