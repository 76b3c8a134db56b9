package com.customerlifecycle.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running instances to another version of their process: the migratable instances of each source version go to
 * the engine as one Camunda batch (the job executor does the work on whichever node, with retries; Cockpit shows it
 * under Batches); blocked instances are not touched. What was sent is stored, so the outcome can be told instance by
 * instance.
 */
@Service
public class ProcessMigrations {

    /** A started migration and the dry-run report it was started from. */
    record Started(String migrationId, @JsonUnwrapped MigrationPlanner.Report report) {
    }

    record Failure(String processInstanceId, String message) {
    }

    /** Where a migration stands: {@code running}, {@code completed} or {@code failed}. */
    record Progress(String migrationId, String processKey, int targetVersion, String requestedBy, Instant requestedAt,
                    String state, int total, long migrated, long failed, List<Failure> failures) {
    }

    /** Engine messages name the process instance in quotes. */
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final int IDS_PER_QUERY = 1000;

    private final MigrationPlanner planner;
    private final MigrationRepository migrations;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final HistoryService historyService;

    ProcessMigrations(MigrationPlanner planner, MigrationRepository migrations, RuntimeService runtimeService,
                      ManagementService managementService, HistoryService historyService) {
        this.planner = planner;
        this.migrations = migrations;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.historyService = historyService;
    }

    MigrationPlanner.Report dryRun(MigrationPlanner.Request request) {
        return planner.plan(request).report();
    }

    /** Creates the batches and records them in one transaction: either all of it is there, or nothing. */
    @Transactional
    Started start(MigrationPlanner.Request request, String requestedBy) {
        MigrationPlanner.Plan plan = planner.plan(request);
        List<String> batchIds = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (MigrationPlanner.SourcePlan source : plan.sources()) {
            List<String> ids = migratableInstances(source);
            if (!ids.isEmpty()) {
                Batch batch = runtimeService.newMigration(source.plan()).processInstanceIds(ids).executeAsync();
                batchIds.add(batch.getId());
                sent.addAll(ids);
            }
        }
        String id = UUID.randomUUID().toString();
        migrations.insert(new MigrationRepository.Migration(id, request.processKey(), plan.target().getId(),
                plan.target().getVersion(), requestedBy, ClockUtil.getCurrentTime().toInstant(), sent.size(), batchIds),
                sent);
        return new Started(id, plan.report());
    }

    private List<String> migratableInstances(MigrationPlanner.SourcePlan source) {
        Set<String> ids = new HashSet<>();
        runtimeService.createProcessInstanceQuery().processDefinitionId(source.source().getId()).list()
                .forEach(instance -> ids.add(instance.getId()));
        if (!source.blockedActivities().isEmpty()) {
            runtimeService.createProcessInstanceQuery().processDefinitionId(source.source().getId())
                    .activityIdIn(source.blockedActivities().keySet().toArray(String[]::new)).list()
                    .stream().map(ProcessInstance::getId).forEach(ids::remove);
        }
        return ids.stream().sorted().toList();
    }

    Optional<Progress> progress(String migrationId) {
        return migrations.find(migrationId).map(this::progress);
    }

    private Progress progress(MigrationRepository.Migration migration) {
        List<String> sent = migrations.processInstanceIds(migration.id());
        Set<String> moved = onTarget(sent, migration.targetDefinitionId());
        boolean working = false;
        List<Job> failedJobs = new ArrayList<>();
        for (String batchId : migration.batchIds()) {
            BatchStatistics batch = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
            if (batch == null) {
                continue; // done: the batch monitor removed it after its last job
            }
            boolean seeded = batch.getJobsCreated() >= batch.getTotalJobs();
            if (!seeded || batch.getRemainingJobs() > batch.getFailedJobs()) {
                working = true;
            }
            if (batch.getFailedJobs() > 0) {
                failedJobs.addAll(managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
                        .noRetriesLeft().list());
            }
        }
        List<Failure> failures = failures(sent, moved, failedJobs, working);
        String state = working ? "running" : moved.size() == sent.size() ? "completed" : "failed";
        long failed = working ? failures.size() : sent.size() - moved.size();
        return new Progress(migration.id(), migration.processKey(), migration.targetVersion(), migration.requestedBy(),
                migration.requestedAt(), state, migration.total(), moved.size(), failed, failures);
    }

    /** The sent instances that now run (or ran) on the target version. */
    private Set<String> onTarget(List<String> processInstanceIds, String targetDefinitionId) {
        Set<String> moved = new HashSet<>();
        for (int from = 0; from < processInstanceIds.size(); from += IDS_PER_QUERY) {
            Set<String> chunk = new HashSet<>(processInstanceIds.subList(from,
                    Math.min(from + IDS_PER_QUERY, processInstanceIds.size())));
            historyService.createHistoricProcessInstanceQuery().processDefinitionId(targetDefinitionId)
                    .processInstanceIds(chunk).list().stream().map(HistoricProcessInstance::getId).forEach(moved::add);
        }
        return moved;
    }

    /**
     * The instances the engine could not move, each with the engine's reason: failed batch jobs (retries used up) name
     * their instance; once nothing is running, every sent instance that did not arrive is a failure.
     */
    private static List<Failure> failures(List<String> sent, Set<String> moved, List<Job> failedJobs, boolean working) {
        List<Failure> failures = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        Set<String> notMoved = new HashSet<>(sent);
        notMoved.removeAll(moved);
        for (Job job : failedJobs) {
            String message = job.getExceptionMessage();
            Matcher quoted = QUOTED.matcher(message == null ? "" : message);
            while (quoted.find()) {
                String id = quoted.group(1);
                if (notMoved.contains(id) && explained.add(id)) {
                    failures.add(new Failure(id, message));
                }
            }
        }
        if (!working) {
            notMoved.stream().filter(id -> !explained.contains(id)).sorted().forEach(id -> failures.add(new Failure(id,
                    "Not moved: the batch ended without migrating this instance (cancelled in Cockpit, or the instance"
                            + " ended first).")));
        }
        return failures;
    }
}
