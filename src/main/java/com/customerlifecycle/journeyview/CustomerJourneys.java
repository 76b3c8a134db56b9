package com.customerlifecycle.journeyview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.expansion.ExpansionProcess;
import com.customerlifecycle.identity.StaffRole;
import com.customerlifecycle.journey.JourneyProcess;
import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.lead.LeadStatus;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.sales.SalesProcess;
import com.customerlifecycle.security.EngineUser;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.support.SupportProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts one customer's journey together from Camunda (the instances of every process with the journey's business key,
 * the lead id: their timers, open tasks and completed tasks with who did them) and from our tables (calls, the deal,
 * contract versions, check-ins, support cases, e-mails, expansions, renewals). Timers and process ends are named with
 * the diagrams' own element names, so a changed diagram changes the words here with no Java change.
 */
@Service
class CustomerJourneys {

    private static final String LOST = "lost";
    private static final List<String> LOST_LEADS = List.of(LeadStatus.DISQUALIFIED.code(),
            LeadStatus.UNRESPONSIVE.code(), LeadStatus.EXPIRED.code());

    private final JourneyRecords records;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final EngineUser engineUser;

    CustomerJourneys(JourneyRecords records, RuntimeService runtimeService, HistoryService historyService,
                     TaskService taskService, ManagementService managementService, RepositoryService repositoryService,
                     EngineUser engineUser) {
        this.records = records;
        this.engineUser = engineUser;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
    }

    @Transactional(readOnly = true)
    Optional<CustomerJourney> ofCustomer(String customerId, int timelineLimit) {
        return records.customer(customerId).flatMap(customer -> records.lead(customer.leadId())
                .map(lead -> journey(lead, Optional.of(customer), timelineLimit)));
    }

    /** A lead's journey; once it became a customer, the customer's. */
    @Transactional(readOnly = true)
    Optional<CustomerJourney> ofLead(String leadId, int timelineLimit) {
        return records.lead(leadId).map(lead -> journey(lead, records.customerOfLead(leadId), timelineLimit));
    }

    /**
     * The journey the task belongs to (its process instance's business key is the lead id), if the user may see the
     * task at all: the engine's own task authorization decides, as in Tasklist.
     */
    @Transactional(readOnly = true)
    Optional<CustomerJourney> ofTask(String taskId, Authentication user, int timelineLimit) {
        Task task = engineUser.call(user, () -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult())
                .map(ProcessInstance::getBusinessKey)
                .flatMap(leadId -> ofLead(leadId, timelineLimit));
    }

    private CustomerJourney journey(JourneyRecords.LeadRow lead, Optional<JourneyRecords.CustomerRow> customer,
                                    int timelineLimit) {
        String leadId = lead.leadId();
        String customerId = customer.map(JourneyRecords.CustomerRow::customerId).orElse(null);
        Optional<JourneyRecords.Opportunity> opportunity = records.opportunity(leadId);
        List<JourneyRecords.ContactAttempt> calls = records.contactAttempts(leadId);
        List<JourneyRecords.ContractVersion> contracts = customerId == null ? List.of() : records.contracts(customerId);
        List<JourneyRecords.CheckIn> checkIns = customerId == null ? List.of() : records.checkIns(customerId);
        List<JourneyRecords.SupportCase> cases = records.supportCases(leadId, customerId);
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(leadId).list();
        Diagrams diagrams = new Diagrams();

        CustomerJourney.Owners owners = new CustomerJourney.Owners(
                lead.qualifiedBy() != null ? lead.qualifiedBy()
                        : calls.stream().map(JourneyRecords.ContactAttempt::contactedBy).filter(Objects::nonNull)
                        .reduce((first, last) -> last).orElse(null),
                opportunity.map(JourneyRecords.Opportunity::closedBy).orElseGet(() -> lastAssignee(leadId, StaffRole.AE)),
                customer.map(JourneyRecords.CustomerRow::accountManager).orElse(null),
                customer.map(JourneyRecords.CustomerRow::csm).orElse(null),
                lastAssignee(leadId, StaffRole.RENEWAL, RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER,
                        RenewalProcess.Tasks.NEGOTIATE_RENEWAL));
        CustomerJourney.Contract contract = contracts.stream()
                .filter(version -> CustomerRepository.ACTIVE_CONTRACT.equals(version.status())).reduce((first, last) -> last)
                .or(() -> contracts.stream().reduce((first, last) -> last))
                .map(version -> new CustomerJourney.Contract(version.version(), version.plan(), version.seats(),
                        version.annualValue(), version.startDate(), version.endDate()))
                .orElse(null);
        CustomerJourney.Health health = customer.filter(row -> row.healthScore() != null)
                .map(row -> new CustomerJourney.Health(row.healthScore(), row.healthBand(),
                        checkIns.isEmpty() ? null : checkIns.get(checkIns.size() - 1).heldAt()))
                .orElse(null);

        return new CustomerJourney(customerId, leadId, customer.map(JourneyRecords.CustomerRow::company).orElse(lead.company()),
                customer.map(JourneyRecords.CustomerRow::status).orElse(lead.status()),
                customer.map(JourneyRecords.CustomerRow::touchTier).orElse(null),
                stage(lead, customer, opportunity, leadId), owners, contract, health,
                upcoming(instances, diagrams), openTasks(leadId),
                cases.stream().map(c -> new CustomerJourney.SupportCase(c.caseId(), c.subject(), c.category(), c.status(),
                        c.openedAt())).toList(),
                timeline(lead, customer, opportunity, calls, contracts, checkIns, cases, instances, diagrams, timelineLimit),
                map(instances));
    }

    private CustomerJourney.JourneyMap map(List<HistoricProcessInstance> instances) {
        return instances.stream().filter(instance -> JourneyProcess.KEY.equals(instance.getProcessDefinitionKey()))
                .max(Comparator.comparing(HistoricProcessInstance::getStartTime))
                .map(journey -> new CustomerJourney.JourneyMap(journey.getProcessDefinitionId(),
                        journey.getEndTime() == null ? activeActivityIds(journey.getId())
                                : journey.getEndActivityId() == null ? List.of() : List.of(journey.getEndActivityId())))
                .orElse(null);
    }

    private String stage(JourneyRecords.LeadRow lead, Optional<JourneyRecords.CustomerRow> customer,
                         Optional<JourneyRecords.Opportunity> opportunity, String leadId) {
        if (customer.isPresent()) {
            String status = customer.get().status();
            if (CustomerStatus.CHURNED.code().equals(status) || CustomerStatus.ONBOARDING.code().equals(status)) {
                return status;
            }
            long renewals = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(leadId)
                    .processDefinitionKey(RenewalProcess.KEY).count();
            long waitingForTheWindow = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(leadId)
                    .processDefinitionKey(RenewalProcess.KEY).activityIdIn(RenewalProcess.Timers.RENEWAL_WINDOW_OPENS)
                    .count();
            return renewals > waitingForTheWindow ? "renewal-window" : "customer";
        }
        if (opportunity.map(deal -> LOST.equals(deal.outcome())).orElse(false)
                || LOST_LEADS.contains(lead.status())) {
            return LOST;
        }
        return LeadStatus.QUALIFIED.code().equals(lead.status()) ? "sales" : "lead";
    }

    /** The instance's active activities; none once it ended in the meantime. */
    private List<String> activeActivityIds(String processInstanceId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        return tree == null ? List.of() : Arrays.stream(tree.getChildActivityInstances())
                .map(ActivityInstance::getActivityId).distinct().toList();
    }

    /** Who of that role last had a task of this journey (of these tasks only, when given). */
    private String lastAssignee(String leadId, StaffRole role, String... taskDefinitionKeys) {
        HistoricTaskInstanceQuery tasks = historyService.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(leadId).taskHadCandidateGroup(role.groupId()).taskAssigned();
        if (taskDefinitionKeys.length > 0) {
            tasks.taskDefinitionKeyIn(taskDefinitionKeys);
        }
        return tasks.orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1).stream()
                .map(HistoricTaskInstance::getAssignee).findFirst().orElse(null);
    }

    private List<CustomerJourney.Upcoming> upcoming(List<HistoricProcessInstance> instances, Diagrams diagrams) {
        Set<String> running = instances.stream().filter(instance -> instance.getEndTime() == null)
                .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
        if (running.isEmpty()) {
            return List.of();
        }
        List<CustomerJourney.Upcoming> upcoming = new ArrayList<>();
        for (Job timer : managementService.createJobQuery().processInstanceIds(running).timers().list()) {
            String activityId = diagrams.activityOf(timer);
            upcoming.add(new CustomerJourney.Upcoming(diagrams.name(timer.getProcessDefinitionId(), activityId),
                    timer.getDuedate().toInstant(), timer.getProcessDefinitionKey(), activityId));
        }
        upcoming.sort(Comparator.comparing(CustomerJourney.Upcoming::at));
        return upcoming;
    }

    private List<CustomerJourney.OpenTask> openTasks(String leadId) {
        List<CustomerJourney.OpenTask> open = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(leadId).orderByDueDate().asc()
                .orderByTaskCreateTime().asc().list()) {
            List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
            open.add(new CustomerJourney.OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), groups,
                    task.getAssignee(), task.getDueDate() == null ? null : task.getDueDate().toInstant()));
        }
        return open;
    }

    private List<CustomerJourney.Event> timeline(JourneyRecords.LeadRow lead, Optional<JourneyRecords.CustomerRow> customer,
                                                 Optional<JourneyRecords.Opportunity> opportunity,
                                                 List<JourneyRecords.ContactAttempt> calls,
                                                 List<JourneyRecords.ContractVersion> contracts,
                                                 List<JourneyRecords.CheckIn> checkIns,
                                                 List<JourneyRecords.SupportCase> cases,
                                                 List<HistoricProcessInstance> instances, Diagrams diagrams, int limit) {
        List<CustomerJourney.Event> events = new ArrayList<>();
        events.add(new CustomerJourney.Event(lead.createdAt(), "Trial sign-up by " + lead.contactName(), null,
                JourneyProcess.KEY, null, null));
        for (JourneyRecords.ContactAttempt call : calls) {
            events.add(new CustomerJourney.Event(call.contactedAt(), "Contact attempt " + call.attempt() + ": "
                    + call.outcome(), call.contactedBy(), LeadProcess.KEY, LeadProcess.Tasks.CONTACT_TRIAL_USER, null));
        }
        // Completed tasks, with who did them. Calls and check-ins come from our tables instead: they say the outcome.
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(lead.leadId()).finished().list()) {
            String key = task.getTaskDefinitionKey();
            if (LeadProcess.Tasks.CONTACT_TRIAL_USER.equals(key) || SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN.equals(key)) {
                continue;
            }
            boolean completed = "completed".equals(task.getDeleteReason());
            events.add(new CustomerJourney.Event(task.getEndTime().toInstant(), task.getName(), task.getAssignee(),
                    task.getProcessDefinitionKey(), key, completed ? null : "cancelled"));
        }
        for (HistoricProcessInstance instance : instances) {
            if (instance.getEndTime() != null && instance.getEndActivityId() != null) {
                events.add(new CustomerJourney.Event(instance.getEndTime().toInstant(),
                        diagrams.processName(instance.getProcessDefinitionId()) + ": "
                                + diagrams.name(instance.getProcessDefinitionId(), instance.getEndActivityId()),
                        null, instance.getProcessDefinitionKey(), instance.getEndActivityId(), null));
            }
        }
        opportunity.filter(deal -> deal.closedAt() != null).ifPresent(deal -> events.add(new CustomerJourney.Event(
                deal.closedAt(), "Deal " + deal.outcome(), deal.closedBy(), SalesProcess.KEY, null, deal.lossReason())));
        for (JourneyRecords.ContractVersion version : contracts) {
            events.add(new CustomerJourney.Event(version.createdAt(), "Contract version " + version.version() + ": "
                    + version.plan() + ", " + version.seats() + " seats, " + version.annualValue().toPlainString()
                    + " a year, " + version.startDate() + " to " + version.endDate(), version.changedBy(), null, null,
                    version.changeSummary()));
        }
        for (JourneyRecords.CheckIn checkIn : checkIns) {
            events.add(new CustomerJourney.Event(checkIn.heldAt(), "Check-in: health " + checkIn.healthScore() + " ("
                    + checkIn.healthBand() + ")", checkIn.csm(), SuccessProcess.KEY,
                    SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN, null));
        }
        for (JourneyRecords.SupportCase supportCase : cases) {
            events.add(new CustomerJourney.Event(supportCase.openedAt(), "Support case opened: " + supportCase.subject(),
                    null, SupportProcess.KEY, null, supportCase.category()));
            if (supportCase.resolvedAt() != null) {
                events.add(new CustomerJourney.Event(supportCase.resolvedAt(), "Support case resolved: "
                        + supportCase.subject(), null, SupportProcess.KEY, null, supportCase.outcome()));
            }
        }
        customer.ifPresent(row -> {
            records.mails(row.customerId()).forEach(mail -> events.add(new CustomerJourney.Event(mail.sentAt(),
                    "E-mail sent: " + mail.subject(), null, null, null, null)));
            records.expansions(row.customerId()).forEach(expansion -> {
                events.add(new CustomerJourney.Event(expansion.openedAt(), "Expansion opened", null, ExpansionProcess.KEY,
                        null, expansion.reasons()));
                if (expansion.closedAt() != null) {
                    events.add(new CustomerJourney.Event(expansion.closedAt(), "Expansion " + expansion.status(),
                            expansion.closedBy(), ExpansionProcess.KEY, null, expansion.outcomeNotes()));
                }
            });
            records.renewals(row.customerId()).stream().filter(renewal -> renewal.decidedAt() != null)
                    .forEach(renewal -> events.add(new CustomerJourney.Event(renewal.decidedAt(), "Renewal of the contract"
                            + " ending " + renewal.contractEndDate() + ": " + renewal.outcome()
                            + (renewal.termYears() == null ? "" : " for " + renewal.termYears() + " year(s)"),
                            renewal.decidedBy(), RenewalProcess.KEY, null, renewal.churnReason())));
        });
        events.sort(Comparator.comparing(CustomerJourney.Event::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return events.size() <= limit ? events : List.copyOf(events.subList(0, limit));
    }

    /** Names from the deployed diagrams, and the activity of each timer job; looked up once per request. */
    private final class Diagrams {

        private final Map<String, String> activityOfJobDefinition = new HashMap<>();
        private final Map<String, BpmnModelInstance> models = new HashMap<>();
        private final Map<String, String> processNames = new HashMap<>();

        String activityOf(Job job) {
            return activityOfJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id -> {
                JobDefinition definition = managementService.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
                return definition == null ? null : definition.getActivityId();
            });
        }

        String name(String processDefinitionId, String elementId) {
            if (elementId == null) {
                return "Timer";
            }
            ModelElementInstance element = models.computeIfAbsent(processDefinitionId,
                    repositoryService::getBpmnModelInstance).getModelElementById(elementId);
            String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
            return name == null || name.isBlank() ? elementId : name.replaceAll("\\s+", " ");
        }

        String processName(String processDefinitionId) {
            return processNames.computeIfAbsent(processDefinitionId, id -> {
                String name = repositoryService.getProcessDefinition(id).getName();
                return name == null ? id : name;
            });
        }
    }
}
