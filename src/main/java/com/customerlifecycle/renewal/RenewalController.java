package com.customerlifecycle.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.customerlifecycle.calendar.WorkingCalendar;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The renewal manager's pipeline: contracts ending soon, where each renewal stands. */
@RestController
class RenewalController {

    record PipelineEntry(String customerId, String company, String subscriptionOwner, LocalDate contractEndDate,
                         long daysLeft, BigDecimal annualValue, String stage, boolean escalated, String decidedBy) {
    }

    private final RenewalRepository renewals;
    private final RuntimeService runtimeService;
    private final WorkingCalendar calendar;

    RenewalController(RenewalRepository renewals, RuntimeService runtimeService, WorkingCalendar calendar) {
        this.renewals = renewals;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
    }

    @GetMapping("/api/renewals")
    List<PipelineEntry> pipeline(@RequestParam(defaultValue = "90") @Min(0) @Max(3660) int dueWithinDays) {
        LocalDate today = calendar.today();
        return renewals.endingBetween(today.minusDays(30), today.plusDays(dueWithinDays)).stream()
                .map(renewal -> entry(renewal, today))
                .toList();
    }

    private PipelineEntry entry(RenewalRepository.Renewal renewal, LocalDate today) {
        List<String> active = renewal.outcome() != null ? List.of() : activeActivities(renewal.processInstanceId());
        return new PipelineEntry(renewal.customerId(), renewal.company(), renewal.subscriptionOwner(),
                renewal.contractEndDate(), ChronoUnit.DAYS.between(today, renewal.contractEndDate()), renewal.annualValue(),
                renewal.outcome() != null ? renewal.outcome() : stageOf(active),
                active.contains(RenewalProcess.Tasks.ESCALATE_EXPIRED_CONTRACT), renewal.decidedBy());
    }

    private List<String> activeActivities(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0
                ? List.of() : runtimeService.getActiveActivityIds(processInstanceId);
    }

    /** Where an open renewal stands, read from where its process waits. */
    private static String stageOf(List<String> active) {
        if (active.contains(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER)) {
            return "introducing";
        }
        if (active.contains(RenewalProcess.Timers.PRICE_NEGOTIATION_OPENS)) {
            return "introduced";
        }
        if (active.contains(RenewalProcess.Tasks.NEGOTIATE_RENEWAL)) {
            return "negotiating";
        }
        if (active.contains(RenewalProcess.Tasks.RUN_EXIT_INTERVIEW)) {
            return "churning";
        }
        if (active.contains(RenewalProcess.Tasks.EXTEND_CONTRACT)) {
            return "renewing";
        }
        return "waiting";
    }
}
