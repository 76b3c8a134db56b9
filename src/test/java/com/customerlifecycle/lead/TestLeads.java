package com.customerlifecycle.lead;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Leads stored without starting their journey, for tests that run one stage on its own. */
public final class TestLeads {

    private TestLeads() {
    }

    public record StoredLead(String leadId, Map<String, Object> variables) {
    }

    public static StoredLead store(TrialSignUpService signUps, String company) {
        TrialSignUp signUp = new TrialSignUp(company, "Jo Buyer", UUID.randomUUID() + "@example.com", "+49 30 1234567",
                40, null);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        TrialSignUpService.NewLead lead = signUps.storeLead(signUp, now);
        return new StoredLead(lead.leadId(), new HashMap<>(lead.variables()));
    }
}
