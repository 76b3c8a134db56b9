package com.customerlifecycle.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.customerlifecycle.journey.JourneyProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a trial sign-up into a lead and its {@code customer-journey}, in one transaction: either both
 * exist or neither does. A second sign-up with the same e-mail while the trial is open returns the first lead.
 */
@Service
public class TrialSignUpService {

    private static final Logger log = LoggerFactory.getLogger(TrialSignUpService.class);
    private static final int MAX_TRIES = 10;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(20);

    private final LeadRepository leads;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;

    TrialSignUpService(LeadRepository leads, RuntimeService runtimeService, PlatformTransactionManager transactionManager) {
        this.leads = leads;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public record SignUpResult(Lead lead, boolean created) {
    }

    public SignUpResult signUp(TrialSignUp signUp) {
        for (int attempt = 1; ; attempt++) {
            try {
                // one transaction: look for the open trial, else store the lead, start its journey and read it back
                return transaction.execute(status -> leads.findOpenTrial(signUp.normalizedEmail(), now())
                        .flatMap(leads::findById)
                        .map(existing -> new SignUpResult(existing, false))
                        .orElseGet(() -> new SignUpResult(leads.findById(createLeadAndStartJourney(signUp)).orElseThrow(),
                                true)));
            } catch (DuplicateKeyException | TransientDataAccessException concurrentSignUp) {
                // Another request for the same e-mail is writing its lead; once it commits, the next round returns it.
                if (attempt == MAX_TRIES) {
                    throw concurrentSignUp;
                }
                log.debug("Concurrent sign-up for the same e-mail, looking again ({})", concurrentSignUp.getMessage());
                pause(attempt);
            }
        }
    }

    public Optional<Lead> find(String leadId) {
        return transaction.execute(status -> leads.findById(leadId));
    }

    private String createLeadAndStartJourney(TrialSignUp signUp) {
        NewLead lead = storeLead(signUp, now());
        ProcessInstance journey = runtimeService.startProcessInstanceByKey(JourneyProcess.KEY, lead.leadId(), lead.variables());
        leads.attachProcessInstance(lead.leadId(), journey.getId());
        return lead.leadId();
    }

    /** A stored lead and what its journey starts with. */
    record NewLead(String leadId, Map<String, Object> variables) {
    }

    /** Stores the lead; package-private for process tests that run {@code lead-qualification} on its own. */
    NewLead storeLead(TrialSignUp signUp, Instant now) {
        Instant trialEndsAt = now.plus(Duration.ofDays(signUp.trialDaysOrDefault()));
        String leadId = UUID.randomUUID().toString();
        leads.releaseEndedTrial(signUp.normalizedEmail(), now);
        leads.insert(leadId, signUp, trialEndsAt, now);
        Map<String, Object> variables = new HashMap<>();
        variables.put(LeadProcess.Vars.LEAD_ID, leadId);
        variables.put(LeadProcess.Vars.COMPANY, signUp.company().trim());
        variables.put(LeadProcess.Vars.CONTACT_NAME, signUp.contactName().trim());
        variables.put(LeadProcess.Vars.EMAIL, signUp.email().trim());
        variables.put(LeadProcess.Vars.PHONE, signUp.phone() == null ? "" : signUp.phone());
        variables.put(LeadProcess.Vars.EMPLOYEES, signUp.employees());
        variables.put(LeadProcess.Vars.TRIAL_ENDS_AT, Date.from(trialEndsAt));
        return new NewLead(leadId, variables);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis() * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a concurrent sign-up", interrupted);
        }
    }

    /** The engine's clock, so that tests moving it move the domain's notion of now too. */
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
