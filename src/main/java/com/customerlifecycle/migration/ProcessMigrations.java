package com.customerlifecycle.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances to another version of their process: the migratable instances of each source version go to
 * the engine as one Camunda batch (the job executor does the work on whichever node, with retries; Cockpit shows it
 * under Batches); blocked instances are not touched. What was sent is stored, and once nothing runs any more the
 * outcome too, instance by instance.
 */
@Service
public class ProcessMigrations {

    /** A started migration and the dry-run report it was started from. */
    record Started(String migrationId, @JsonUnwrapped MigrationPlanner.Report report) {
    }

    record Failure(String processInstanceId, String message) {
    }

    record Progress(String migrationId, String processKey, int targetVersion, String requestedBy, Instant requestedAt,
                    MigrationState state, int total, long migrated, long failed, List<Failure> failures,
                    Instant finishedAt) {
    }

    /** Another migration of the same process is still at work; the process owner waits for it. */
    static class MigrationInProgressException extends RuntimeException {
        MigrationInProgressException(String message) {
            super(message);
        }
    }

    /** Engine messages name the process instance in quotes. */
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final int MESSAGE_LENGTH = 4000;

    private final MigrationPlanner planner;
    private final MigrationRepository migrations;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final TransactionTemplate transaction;

    ProcessMigrations(MigrationPlanner planner, MigrationRepository migrations, RuntimeService runtimeService,
                      ManagementService managementService, HistoryService historyService,
                      PlatformTransactionManager transactionManager) {
        this.planner = planner;
        this.migrations = migrations;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    MigrationPlanner.Report dryRun(MigrationPlanner.Request request) {
        return planner.plan(request).report();
    }

    /** Creates the batches and records them in one transaction: either all of it is there, or nothing. */
    Started start(MigrationPlanner.Request request, String requestedBy) {
        return transaction.execute(status -> {
            for (MigrationRepository.Migration unfinished : migrations.unfinished(request.processKey())) {
                Progress progress = progress(unfinished);
                if (!progress.state().isFinished()) {
                    throw new MigrationInProgressException("Migration " + unfinished.id() + " of '" + request.processKey()
                            + "' is still " + progress.state().json() + " (" + progress.migrated() + " of "
                            + progress.total() + " moved); start the next one when it is done.");
                }
            }
            MigrationPlanner.Plan plan = planner.plan(request);
            List<String> batchIds = new ArrayList<>();
            List<String> sent = new ArrayList<>();
            for (MigrationPlanner.SourcePlan source : plan.sources()) {
                List<String> ids = planner.migratableInstanceIds(source);
                if (!ids.isEmpty()) {
                    Batch batch = runtimeService.newMigration(source.plan()).processInstanceIds(ids).executeAsync();
                    batchIds.add(batch.getId());
                    sent.addAll(ids);
                }
            }
            Instant now = ClockUtil.getCurrentTime().toInstant();
            boolean nothingToDo = sent.isEmpty();
            String id = UUID.randomUUID().toString();
            migrations.insert(new MigrationRepository.Migration(id, request.processKey(), plan.target().getId(),
                    plan.target().getVersion(), requestedBy, now, sent.size(),
                    nothingToDo ? MigrationState.COMPLETED : MigrationState.RUNNING, nothingToDo ? now : null), batchIds, sent);
            return new Started(id, plan.report());
        });
    }

    /** Reads where the migration stands; the first look after the end writes the outcome down. */
    Optional<Progress> progress(String migrationId) {
        return transaction.execute(status -> migrations.find(migrationId).map(this::progress));
    }

    private Progress progress(MigrationRepository.Migration migration) {
        if (migration.state().isFinished()) {
            List<Failure> failures = migrations.failures(migration.id());
            return progress(migration, migration.state(), migration.total() - failures.size(), failures,
                    migration.finishedAt());
        }
        // First whether the batches still work, then which instances arrived: read the other way round, a job that
        // commits in between would count as not done, and its instance as not moved.
        boolean working = false;
        boolean suspended = false;
        List<Job> failedJobs = new ArrayList<>();
        for (String batchId : migrations.batchIds(migration.id())) {
            BatchStatistics batch = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
            if (batch == null) {
                continue; // done: the batch monitor removed it after its last job
            }
            suspended |= batch.isSuspended();
            if (batch.getJobsCreated() < batch.getTotalJobs()) {
                Job seed = managementService.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult();
                if (seed != null && seed.getRetries() == 0) {
                    failedJobs.add(seed);
                } else {
                    working = true;
                }
            } else if (batch.getRemainingJobs() > batch.getFailedJobs()) {
                working = true;
            }
            if (batch.getFailedJobs() > 0) {
                failedJobs.addAll(managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
                        .noRetriesLeft().list());
            }
        }
        List<String> sent = migrations.processInstanceIds(migration.id());
        Set<String> moved = onTarget(sent, migration.targetDefinitionId());
        Map<String, String> failures = failures(sent, moved, failedJobs, working);
        MigrationState state;
        Instant finishedAt = null;
        if (working) {
            state = suspended ? MigrationState.SUSPENDED : MigrationState.RUNNING;
            if (state != migration.state()) {
                migrations.updateState(migration.id(), state);
            }
        } else {
            state = failures.isEmpty() ? MigrationState.COMPLETED : MigrationState.FAILED;
            finishedAt = ClockUtil.getCurrentTime().toInstant();
            migrations.finish(migration.id(), state, finishedAt, failures);
        }
        List<Failure> listed = failures.entrySet().stream().map(entry -> new Failure(entry.getKey(), entry.getValue()))
                .toList();
        return progress(migration, state, moved.size(), listed, finishedAt);
    }

    private static Progress progress(MigrationRepository.Migration migration, MigrationState state, long migrated,
                                     List<Failure> failures, Instant finishedAt) {
        return new Progress(migration.id(), migration.processKey(), migration.targetVersion(), migration.requestedBy(),
                migration.requestedAt(), state, migration.total(), migrated, failures.size(), failures, finishedAt);
    }

    /** The sent instances that now run (or ran) on the target version. */
    private Set<String> onTarget(List<String> processInstanceIds, String targetDefinitionId) {
        Set<String> moved = new HashSet<>();
        for (List<String> chunk : IdChunks.of(processInstanceIds)) {
            historyService.createHistoricProcessInstanceQuery().processDefinitionId(targetDefinitionId)
                    .processInstanceIds(new HashSet<>(chunk)).list().stream().map(HistoricProcessInstance::getId)
                    .forEach(moved::add);
        }
        return moved;
    }

    /**
     * The instances the engine could not move, each with the engine's reason. While batches work, those named by a
     * failed job (retries used up); once nothing works any more, every sent instance that did not arrive.
     */
    private static Map<String, String> failures(List<String> sent, Set<String> moved, List<Job> failedJobs,
                                                boolean working) {
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> notMoved = new HashSet<>(sent);
        notMoved.removeAll(moved);
        for (Job job : failedJobs) {
            String message = job.getExceptionMessage() == null ? "" : job.getExceptionMessage();
            Matcher quoted = QUOTED.matcher(message);
            while (quoted.find()) {
                String id = quoted.group(1);
                if (notMoved.contains(id)) {
                    failures.putIfAbsent(id, shorten(message));
                }
            }
        }
        if (!working) {
            String reason = failedJobs.isEmpty()
                    ? "Not moved: its batch ended without migrating it (deleted in Cockpit's Batches, or the instance"
                            + " ended before its turn)."
                    : "Not moved: its batch job failed: " + failedJobs.get(0).getExceptionMessage();
            notMoved.stream().sorted().forEach(id -> failures.putIfAbsent(id, shorten(reason)));
        }
        return failures;
    }

    private static String shorten(String message) {
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH - 1) + "…";
    }
}
