package com.customerlifecycle.journeyview;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The journey of one customer, or of a lead not yet a customer: for staff beside a task, and for process owners. */
@RestController
class JourneyController {

    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String UUID_MESSAGE = "must be an id as the API gave it (a UUID)";

    private final CustomerJourneys journeys;

    JourneyController(CustomerJourneys journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/api/customers/{customerId}/journey")
    CustomerJourney ofCustomer(@PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String customerId,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int timelineLimit) {
        return journeys.ofCustomer(customerId, timelineLimit)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer with id " + customerId));
    }

    /** The journey of the task's customer or lead, for Tasklist's Customer tab: only for a task the user may see. */
    @GetMapping("/api/tasks/{taskId}/journey")
    CustomerJourney ofTask(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be a task id") String taskId,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int timelineLimit,
                           Authentication user) {
        return journeys.ofTask(taskId, user, timelineLimit)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No task " + taskId + " of yours that belongs to a customer's or lead's journey"));
    }

    @GetMapping("/api/leads/{leadId}/journey")
    CustomerJourney ofLead(@PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String leadId,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int timelineLimit) {
        return journeys.ofLead(leadId, timelineLimit)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead with id " + leadId));
    }
}
