package com.customerlifecycle.lead;

import java.time.Instant;
import java.util.List;

/** A trial user the SDRs work, with every contact attempt made. */
public record Lead(
        String leadId,
        String processInstanceId,
        String company,
        String contactName,
        String email,
        String phone,
        Integer employees,
        Instant trialEndsAt,
        LeadStatus status,
        String statusReason,
        String qualifiedBy,
        Instant createdAt,
        List<ContactAttempt> contactAttempts,
        Opportunity opportunity) {

    /** How the opportunity closed, once it has; {@code customerId} once won. */
    public record Opportunity(String outcome, String lossReason, String closedBy, String customerId) {
    }

    public record ContactAttempt(int attempt, String outcome, String contactedBy, String notes, Instant contactedAt) {
    }
}
