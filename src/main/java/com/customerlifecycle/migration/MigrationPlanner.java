package com.customerlifecycle.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.customerlifecycle.api.SafeText;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * Works out what a migration of running instances to another version of their process would do, without doing it:
 * the engine's equal-id mapping (with timers and messages recomputed from the new definitions) plus the process owner's
 * own mappings, and which instances wait in an activity that has no counterpart in the target version (blocked: they
 * would stay on their version).
 */
@Service
class MigrationPlanner {

    /** What the process owner asks for. {@code null} versions: every older version, the latest. */
    record Request(String processKey, Integer sourceVersion, Integer targetVersion, Map<String, String> mappings,
                   Map<String, Object> variables) {
    }

    /** {@code updateEventTrigger}: the event's definition changed, its pending timer or subscription is recomputed. */
    record Instruction(int sourceVersion, String source, String target, boolean updateEventTrigger) {
    }

    record Instances(long total, long migratable, long blocked) {
    }

    record Blocked(int sourceVersion, String activityId, long instances, String reason) {
    }

    record Activity(String id, String name) {
    }

    /** The dry-run report. {@code targetActivities}: what a blocked activity can be mapped to. */
    record Report(String processKey, int targetVersion, List<Instruction> instructions, Instances instances,
                  List<Blocked> blocked, List<Activity> targetActivities) {
    }

    /** The engine's plan for one source version, and the activities whose instances stay behind. */
    record SourcePlan(ProcessDefinition source, MigrationPlan plan, Map<String, Long> blockedActivities, long running,
                      long blockedInstances) {

        long migratable() {
            return running - blockedInstances;
        }
    }

    record Plan(ProcessDefinition target, List<SourcePlan> sources, Report report) {
    }

    /** The request names no deployed process. */
    static class UnknownProcessException extends RuntimeException {
        UnknownProcessException(String message) {
            super(message);
        }
    }

    /**
     * The request cannot be carried out as asked; the message says why in the process owner's words, {@code field}
     * which part of the request it is about.
     */
    static class InvalidMigrationException extends RuntimeException {
        private final String field;

        InvalidMigrationException(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    MigrationPlanner(RepositoryService repositoryService, RuntimeService runtimeService,
                     ManagementService managementService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    Plan plan(Request request) {
        List<ProcessDefinition> versions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(request.processKey()).orderByProcessDefinitionVersion().asc().list();
        if (versions.isEmpty()) {
            throw new UnknownProcessException("No process with key '" + request.processKey() + "' is deployed.");
        }
        ProcessDefinition target = request.targetVersion() == null ? versions.get(versions.size() - 1)
                : version(versions, request.targetVersion(), "targetVersion");
        List<ProcessDefinition> sources;
        if (request.sourceVersion() == null) {
            sources = versions.stream().filter(version -> version.getVersion() < target.getVersion()).toList();
        } else {
            ProcessDefinition source = version(versions, request.sourceVersion(), "sourceVersion");
            if (source.getVersion() >= target.getVersion()) {
                throw new InvalidMigrationException("targetVersion", "The target version (" + target.getVersion()
                        + ") must be newer than the source version (" + source.getVersion() + ").");
            }
            sources = List.of(source);
        }
        checkVariables(request.variables());

        BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
        Map<String, BpmnModelInstance> sourceModels = new LinkedHashMap<>();
        for (ProcessDefinition source : sources) {
            sourceModels.put(source.getId(), repositoryService.getBpmnModelInstance(source.getId()));
        }
        Map<String, String> mappings = request.mappings() == null ? Map.of() : request.mappings();
        checkMappings(mappings, sourceModels.values(), targetModel, target.getVersion());

        List<SourcePlan> plans = new ArrayList<>();
        for (ProcessDefinition source : sources) {
            long running = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
            if (running > 0) {
                plans.add(sourcePlan(source, sourceModels.get(source.getId()), target, targetModel, mappings,
                        request.variables(), running));
            }
        }
        checkVariablesAreNew(request.variables(), plans);
        return new Plan(target, plans, report(request.processKey(), target, targetModel, plans));
    }

    /** The instances of a source version that would move: all that run on it but the blocked ones. */
    List<String> migratableInstanceIds(SourcePlan source) {
        Set<String> ids = new HashSet<>(runningInstanceIds(source.source()));
        if (!source.blockedActivities().isEmpty()) {
            runtimeService.createProcessInstanceQuery().processDefinitionId(source.source().getId())
                    .activityIdIn(source.blockedActivities().keySet().toArray(String[]::new)).list()
                    .forEach(instance -> ids.remove(instance.getId()));
        }
        return ids.stream().sorted().toList();
    }

    private List<String> runningInstanceIds(ProcessDefinition definition) {
        return runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    /**
     * Migration variables are set on every instance that moves: meant for what a new step needs, they must not
     * overwrite what a customer's journey already holds (its company, its account manager...).
     */
    private void checkVariablesAreNew(Map<String, Object> variables, List<SourcePlan> plans) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        String[] names = variables.keySet().toArray(String[]::new);
        for (SourcePlan plan : plans) {
            List<String> ids = runningInstanceIds(plan.source());
            for (List<String> chunk : IdChunks.of(ids)) {
                List<VariableInstance> existing = runtimeService.createVariableInstanceQuery().variableNameIn(names)
                        .variableScopeIdIn(chunk.toArray(String[]::new)).listPage(0, 1);
                if (!existing.isEmpty()) {
                    String name = existing.get(0).getName();
                    throw new InvalidMigrationException("variables." + name, "variables." + name + ": instances of"
                            + " version " + plan.source().getVersion() + " already have a variable '" + name + "'; a"
                            + " migration only adds variables that a new step needs, it does not overwrite a customer's"
                            + " data.");
                }
            }
        }
    }

    private static ProcessDefinition version(List<ProcessDefinition> versions, int number, String field) {
        return versions.stream().filter(version -> version.getVersion() == number).findFirst()
                .orElseThrow(() -> new InvalidMigrationException(field, "Version " + number + " of '"
                        + versions.get(0).getKey() + "' does not exist (deployed: 1 to "
                        + versions.get(versions.size() - 1).getVersion() + ")."));
    }

    /** Variables a new step needs: plain text, numbers and yes/no only. */
    private static void checkVariables(Map<String, Object> variables) {
        if (variables == null) {
            return;
        }
        variables.forEach((name, value) -> {
            boolean scalar = value instanceof Number || value instanceof Boolean
                    || (value instanceof String text && text.length() <= 4000 && SafeText.Validator.isPlainText(text, true));
            if (!scalar) {
                throw new InvalidMigrationException("variables." + name, "variables." + name
                        + ": must be plain text (up to 4000 characters, no markup or expressions), a number or true/false.");
            }
        });
    }

    /** Each mapping names an activity of a source version and one of the target version. */
    private static void checkMappings(Map<String, String> mappings, Collection<BpmnModelInstance> sourceModels,
                                      BpmnModelInstance targetModel, int targetVersion) {
        mappings.forEach((source, target) -> {
            if (sourceModels.stream().noneMatch(model -> isActivity(model, source))) {
                throw new InvalidMigrationException("mappings", "mappings: '" + source
                        + "' is no activity of the version(s) to migrate from.");
            }
            if (!isActivity(targetModel, target)) {
                throw new InvalidMigrationException("mappings", "mappings: '" + target + "' is no activity of version "
                        + targetVersion + ".");
            }
        });
    }

    private SourcePlan sourcePlan(ProcessDefinition source, BpmnModelInstance sourceModel, ProcessDefinition target,
                                  BpmnModelInstance targetModel, Map<String, String> mappings,
                                  Map<String, Object> variables, long running) {
        // The engine's equal-id mapping, minus what the process owner maps differently, plus the owner's mappings.
        List<MigrationInstruction> generated = runtimeService.createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities().updateEventTriggers().build().getInstructions();
        MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
        for (MigrationInstruction instruction : generated) {
            if (!mappings.containsKey(instruction.getSourceActivityId())) {
                MigrationInstructionBuilder mapped = builder.mapActivities(instruction.getSourceActivityId(),
                        instruction.getTargetActivityId());
                if (instruction.isUpdateEventTrigger() && (isConditional(sourceModel, instruction.getSourceActivityId())
                        || triggerChanged(sourceModel, instruction.getSourceActivityId(), targetModel,
                        instruction.getTargetActivityId()))) {
                    mapped.updateEventTrigger();
                }
            }
        }
        mappings.forEach((from, to) -> {
            if (isActivity(sourceModel, from)) {
                MigrationInstructionBuilder mapped = builder.mapActivities(from, to);
                if (triggerChanged(sourceModel, from, targetModel, to)
                        || (isConditional(sourceModel, from) && isConditional(targetModel, to))) {
                    mapped.updateEventTrigger();
                }
            }
        });
        if (variables != null && !variables.isEmpty()) {
            builder.setVariables(variables);
        }
        MigrationPlan plan;
        try {
            plan = builder.build();
        } catch (MigrationPlanValidationException refused) {
            throw new InvalidMigrationException("mappings", "The engine refuses these mappings from version "
                    + source.getVersion() + ": " + describe(refused));
        }

        Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        Map<String, Long> blocked = new TreeMap<>();
        for (ActivityStatistics activity : managementService.createActivityStatisticsQuery(source.getId()).list()) {
            if (activity.getInstances() > 0 && !mapped.contains(activity.getId())) {
                blocked.put(activity.getId(), (long) activity.getInstances());
            }
        }
        // A token waiting at a joining gateway is not active, so the statistics leave it out; the engine still needs
        // the gateway mapped.
        for (Gateway join : sourceModel.getModelElementsByType(Gateway.class)) {
            long incoming = sourceModel.getModelElementsByType(SequenceFlow.class).stream()
                    .filter(flow -> flow.getTarget() == join).count();
            if (!mapped.contains(join.getId()) && incoming > 1) {
                long waiting = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                        .activityIdIn(join.getId()).count();
                if (waiting > 0) {
                    blocked.put(join.getId(), waiting);
                }
            }
        }
        long blockedInstances = blocked.isEmpty() ? 0 : runtimeService.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).activityIdIn(blocked.keySet().toArray(String[]::new)).count();
        return new SourcePlan(source, plan, blocked, running, blockedInstances);
    }

    private Report report(String processKey, ProcessDefinition target, BpmnModelInstance targetModel,
                          List<SourcePlan> plans) {
        List<Instruction> instructions = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        long total = 0;
        long blockedInstances = 0;
        for (SourcePlan plan : plans) {
            int version = plan.source().getVersion();
            plan.plan().getInstructions().stream()
                    .sorted(Comparator.comparing(MigrationInstruction::getSourceActivityId))
                    .forEach(instruction -> instructions.add(new Instruction(version, instruction.getSourceActivityId(),
                            instruction.getTargetActivityId(), instruction.isUpdateEventTrigger())));
            plan.blockedActivities().forEach((activityId, instances) -> blocked.add(new Blocked(version, activityId,
                    instances, blockedReason(activityId, targetModel, target.getVersion()))));
            total += plan.running();
            blockedInstances += plan.blockedInstances();
        }
        List<Activity> targetActivities = targetModel.getModelElementsByType(FlowNode.class).stream()
                .map(node -> new Activity(node.getId(), node.getName()))
                .sorted(Comparator.comparing(Activity::id))
                .toList();
        return new Report(processKey, target.getVersion(), instructions,
                new Instances(total, total - blockedInstances, blockedInstances), blocked, targetActivities);
    }

    private static String blockedReason(String activityId, BpmnModelInstance targetModel, int targetVersion) {
        if (isActivity(targetModel, activityId)) {
            return activityId + " changed in version " + targetVersion + " (its type or the part of the diagram around it)"
                    + " and cannot move by itself: map it to an activity of version " + targetVersion;
        }
        return activityId + " has no counterpart in version " + targetVersion + ": map it to an activity of version "
                + targetVersion;
    }

    /** A flow node of the diagram, or the multi-instance body ({@code Task_X#multiInstanceBody}) of an activity. */
    private static boolean isActivity(BpmnModelInstance model, String id) {
        if (id.endsWith(MULTI_INSTANCE_BODY)) {
            return model.getModelElementById(id.substring(0, id.length() - MULTI_INSTANCE_BODY.length()))
                    instanceof org.camunda.bpm.model.bpmn.instance.Activity activity
                    && activity.getLoopCharacteristics() != null;
        }
        return model.getModelElementById(id) instanceof FlowNode;
    }

    /**
     * A timer, message, signal or conditional event whose definition changed (e.g. the renewal window moved from 90 to
     * 120 days before the end date): its pending trigger is recomputed from the target version. Unchanged events keep
     * theirs, so a migration does not push back a business review that was already due next week.
     */
    private static boolean triggerChanged(BpmnModelInstance sourceModel, String sourceId, BpmnModelInstance targetModel,
                                          String targetId) {
        String source = trigger(sourceModel.getModelElementById(sourceId));
        String target = trigger(targetModel.getModelElementById(targetId));
        return source != null && target != null && !source.equals(target);
    }

    /** Conditional events always get their trigger renewed: the engine requires it. */
    private static boolean isConditional(BpmnModelInstance model, String id) {
        return model.getModelElementById(id) instanceof CatchEvent event && event.getEventDefinitions().stream()
                .anyMatch(ConditionalEventDefinition.class::isInstance);
    }

    /** What an event or receive task waits for, as text; {@code null} for anything that waits for no event. */
    private static String trigger(ModelElementInstance element) {
        if (element instanceof ReceiveTask receive) {
            return receive.getMessage() == null ? "" : "message|" + receive.getMessage().getName();
        }
        if (!(element instanceof CatchEvent event) || event.getEventDefinitions().isEmpty()) {
            return null;
        }
        StringBuilder trigger = new StringBuilder();
        for (EventDefinition definition : event.getEventDefinitions()) {
            trigger.append(definition.getElementType().getTypeName()).append('|');
            if (definition instanceof TimerEventDefinition timer) {
                trigger.append(text(timer.getTimeDate())).append('|').append(text(timer.getTimeDuration())).append('|')
                        .append(text(timer.getTimeCycle()));
            } else if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
                trigger.append(message.getMessage().getName());
            } else if (definition instanceof SignalEventDefinition signal && signal.getSignal() != null) {
                trigger.append(signal.getSignal().getName());
            } else if (definition instanceof ConditionalEventDefinition conditional) {
                trigger.append(text(conditional.getCondition())).append('|')
                        .append(conditional.getCamundaVariableName()).append('|')
                        .append(conditional.getCamundaVariableEvents());
            }
            trigger.append(';');
        }
        return trigger.toString();
    }

    private static String text(ModelElementInstance element) {
        return element == null ? "" : element.getTextContent().trim();
    }

    private static String describe(MigrationPlanValidationException refused) {
        List<String> failures = new ArrayList<>();
        for (MigrationInstructionValidationReport report : refused.getValidationReport().getInstructionReports()) {
            MigrationInstruction instruction = report.getMigrationInstruction();
            failures.add(instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId() + ": "
                    + String.join("; ", report.getFailures()));
        }
        refused.getValidationReport().getVariableReports().forEach((name, report) ->
                failures.add("variable " + name + ": " + String.join("; ", report.getFailures())));
        return failures.isEmpty() ? refused.getMessage() : String.join(" | ", failures);
    }
}
