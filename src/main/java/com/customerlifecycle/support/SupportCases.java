package com.customerlifecycle.support;

import static com.customerlifecycle.support.SupportProcess.Vars;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.lead.Lead;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens support cases for trial leads and customers: the case record and its {@code support-case} process in one
 * transaction, with who the case concerns (tier, account manager, CSM, SDR); the {@code support-follow-up} decision in
 * the diagram picks who of them follows up. The same helpdesk reference again returns the case it opened.
 */
@Service
public class SupportCases {

    public record CaseRequest(String leadId, String customerId, String category, String channel, String subject,
                              String description, String externalRef) {
    }

    public record Opened(SupportCase supportCase, boolean created) {
    }

    /** The lead or customer the case is about does not exist. */
    public static class UnknownAccountException extends RuntimeException {
        UnknownAccountException(String message) {
            super(message);
        }
    }

    private final SupportCaseRepository cases;
    private final TrialSignUpService leads;
    private final CustomerRepository customers;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;

    SupportCases(SupportCaseRepository cases, TrialSignUpService leads, CustomerRepository customers,
                 RuntimeService runtimeService, PlatformTransactionManager transactionManager) {
        this.cases = cases;
        this.leads = leads;
        this.customers = customers;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public Opened open(CaseRequest request) {
        if (request.externalRef() != null) {
            Optional<SupportCase> existing = cases.findByExternalRef(request.externalRef());
            if (existing.isPresent()) {
                return new Opened(existing.get(), false);
            }
        }
        Map<String, Object> routing = routing(request);
        try {
            String caseId = transaction.execute(status -> openCase(request, routing));
            return new Opened(cases.findById(caseId).orElseThrow(), true);
        } catch (DuplicateKeyException sameReferenceMeanwhile) {
            return new Opened(cases.findByExternalRef(request.externalRef()).orElseThrow(), false);
        }
    }

    public Optional<SupportCase> find(String caseId) {
        return cases.findById(caseId);
    }

    public List<SupportCase> ofCustomer(String customerId) {
        return cases.findByCustomer(customerId);
    }

    private String openCase(CaseRequest request, Map<String, Object> routing) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String caseId = UUID.randomUUID().toString();
        cases.insert(new SupportCaseRepository.NewCase(caseId, request.externalRef(),
                request.customerId() == null ? request.leadId() : null, request.customerId(), request.category(),
                request.channel(), request.subject().trim(), request.description().trim(),
                (String) routing.get(Vars.TOUCH_TIER)), now);
        Map<String, Object> variables = new HashMap<>(routing);
        variables.put(Vars.CASE_ID, caseId);
        variables.put(Vars.CATEGORY, request.category());
        variables.put(Vars.CHANNEL, request.channel());
        variables.put(Vars.SUBJECT, request.subject().trim());
        variables.put(Vars.DESCRIPTION, request.description().trim());
        String businessKey = (String) variables.remove("businessKey");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(SupportProcess.KEY, businessKey, variables);
        cases.attachProcessInstance(caseId, instance.getId(),
                (Date) runtimeService.getVariable(instance.getId(), "firstResponseDueAt"));
        return caseId;
    }

    /** Who the case concerns, read from the store. */
    private Map<String, Object> routing(CaseRequest request) {
        Map<String, Object> routing = new HashMap<>();
        if (request.customerId() != null) {
            Customer customer = customers.findById(request.customerId())
                    .orElseThrow(() -> new UnknownAccountException("No customer with id " + request.customerId()));
            String tier = customer.touchTier() == null ? SuccessProcess.TECH_TOUCH : customer.touchTier();
            routing.put("businessKey", customer.leadId());
            routing.put(Vars.COMPANY, customer.company());
            routing.put(Vars.CONTACT_NAME, customer.subscriptionOwner().name());
            routing.put(Vars.CONTACT_EMAIL, customer.subscriptionOwner().email());
            routing.put(Vars.TOUCH_TIER, tier);
            routing.put(Vars.ACCOUNT_MANAGER, customer.accountManager());
            routing.put(Vars.CUSTOMER_CSM, customer.csm());
            routing.put(Vars.LEAD_SDR, null);
            routing.put(Vars.ACTIVE_CONTRACT, customer.status() == CustomerStatus.ACTIVE
                    && customer.contracts().stream().anyMatch(contract -> CustomerRepository.ACTIVE_CONTRACT.equals(contract.status())));
        } else {
            Lead lead = leads.find(request.leadId())
                    .orElseThrow(() -> new UnknownAccountException("No lead with id " + request.leadId()));
            routing.put("businessKey", lead.leadId());
            routing.put(Vars.COMPANY, lead.company());
            routing.put(Vars.CONTACT_NAME, lead.contactName());
            routing.put(Vars.CONTACT_EMAIL, lead.email());
            routing.put(Vars.TOUCH_TIER, SupportProcess.TRIAL_TIER);
            routing.put(Vars.ACCOUNT_MANAGER, null);
            routing.put(Vars.CUSTOMER_CSM, null);
            routing.put(Vars.LEAD_SDR, sdrOf(lead));
            routing.put(Vars.ACTIVE_CONTRACT, false);
        }
        return routing;
    }

    private static String sdrOf(Lead lead) {
        if (lead.qualifiedBy() != null) {
            return lead.qualifiedBy();
        }
        return lead.contactAttempts().isEmpty() ? null
                : lead.contactAttempts().get(lead.contactAttempts().size() - 1).contactedBy();
    }
}
