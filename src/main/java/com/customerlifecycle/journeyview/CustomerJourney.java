package com.customerlifecycle.journeyview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where one customer (or a lead not yet a customer) stands and what happened so far, as a person beside a task reads
 * it: stage, who owns it in each role, the active contract, health, the dates the journey's timers hold, the open work
 * of every role, support cases, and the timeline newest first.
 */
public record CustomerJourney(
        String customerId,
        String leadId,
        String company,
        String status,
        String touchTier,
        String stage,
        Owners owners,
        Contract contract,
        Health health,
        List<Upcoming> upcoming,
        List<OpenTask> openTasks,
        List<SupportCase> supportCases,
        List<Event> timeline,
        JourneyMap map) {

    /**
     * Where the customer is on the journey map ({@code customer-journey}): the version of the diagram and its active
     * stages (or, once the journey ended, its end event); {@code null} without a journey instance.
     */
    public record JourneyMap(String processDefinitionId, List<String> activityIds) {
    }

    /** User ids; {@code null} while the role has not touched the account. */
    public record Owners(String sdr, String ae, String accountManager, String csm, String renewalManager) {
    }

    public record Contract(int version, String plan, int seats, BigDecimal annualValue, LocalDate startDate,
                           LocalDate endDate) {
    }

    public record Health(Integer score, String band, Instant at) {
    }

    /** A pending timer: what it starts, in the diagram's words, and when. */
    public record Upcoming(String what, Instant at, String processKey, String activityId) {
    }

    public record OpenTask(String taskId, String name, String taskDefinitionKey, List<String> candidateGroups,
                           String assignee, Instant due) {
    }

    public record SupportCase(String caseId, String subject, String category, String status, Instant openedAt) {
    }

    public record Event(Instant at, String what, String who, String processKey, String activityId, String detail) {
    }
}
