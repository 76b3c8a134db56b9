package com.customerlifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** Drives process instances in tests as users and the job executor would: claim and complete, fire timers, run jobs. */
public final class ProcessDriver {

    private final FormService formService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    public ProcessDriver(ProcessEngine engine) {
        this.formService = engine.getFormService();
        this.identityService = engine.getIdentityService();
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.managementService = engine.getManagementService();
    }

    /**
     * Claims and completes as the user, like Tasklist does: logged in, with the user's groups. Every task on the way has
     * a deadline, and its form shows no raw date or amount ({@link ShownForm}).
     */
    public void completeAs(String userId, Task task, Map<String, Object> variables) {
        assertThat(task.getDueDate()).as("every task has a deadline: %s", task.getTaskDefinitionKey()).isNotNull();
        ShownForm.assertReadsLikeALetter(formService, taskService, task);
        as(userId, () -> {
            taskService.claim(task.getId(), userId);
            taskService.complete(task.getId(), variables);
        });
    }

    /** Runs the action logged in as the user, with the user's groups (so that authorizations apply). */
    public void as(String userId, Runnable action) {
        callAs(userId, () -> {
            action.run();
            return null;
        });
    }

    /** As {@link #as}, with a result. */
    public <T> T callAs(String userId, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Removes the running instances of the process that earlier tests in the shared context left behind. */
    public void deleteRunningInstances(String processKey) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "not part of this test"));
    }

    /** Moves the engine clock past the timer's due date and runs its job. */
    public void fireTimer(String processInstanceId, String activityId, Duration after) {
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .timers().singleResult();
        assertThat(timer).as("timer at %s", activityId).isNotNull();
        Date later = Date.from(ClockUtil.getCurrentTime().toInstant().plus(after));
        assertThat(later).isAfterOrEqualTo(timer.getDuedate());
        ClockUtil.setCurrentTime(later);
        managementService.executeJob(timer.getId());
    }

    /** Moves the engine clock to the start of that day (business time zone) and runs the instance's timers due by then. */
    public void travelTo(ProcessInstance instance, LocalDate day) {
        Date target = Date.from(day.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());
        ClockUtil.setCurrentTime(target);
        managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .duedateLowerThen(new Date(target.getTime() + 1)).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    /** The open task at that activity of the instance. */
    public Task openTask(String taskDefinitionKey, ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    /** The candidate groups of a task, also once it is assigned. */
    public List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    }

    /**
     * Runs every Camunda batch to its end as the job executor would: seed jobs, the batch's jobs, the monitor job that
     * removes a finished batch. A job that fails keeps failing until its retries are used up, as in production.
     */
    public void runBatches() {
        for (int round = 0; round < 20 && managementService.createBatchQuery().count() > 0; round++) {
            for (Batch batch : managementService.createBatchQuery().list()) {
                for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                        batch.getMonitorJobDefinitionId())) {
                    for (Job job : managementService.createJobQuery().jobDefinitionId(definition).withRetriesLeft().list()) {
                        try {
                            managementService.executeJob(job.getId());
                        } catch (RuntimeException failed) {
                            // the engine recorded the failure on the job (retries, message), as the job executor would
                        }
                    }
                }
            }
        }
    }

    /** Runs the asynchronous continuation waiting at the activity, as the job executor would. */
    public void runJob(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        managementService.executeJob(job.getId());
    }
}
