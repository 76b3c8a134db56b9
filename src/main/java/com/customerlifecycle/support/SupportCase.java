package com.customerlifecycle.support;

import java.time.Instant;

/** A support case as the helpdesk reads it back. */
public record SupportCase(
        String caseId,
        String externalRef,
        String leadId,
        String customerId,
        String category,
        String channel,
        String subject,
        String tier,
        String processInstanceId,
        String status,
        Instant openedAt,
        Instant firstResponseDueAt,
        Instant firstResponseAt,
        boolean firstResponseMissed,
        Instant resolvedAt,
        Integer line,
        String outcome,
        String productBugReference) {
}
