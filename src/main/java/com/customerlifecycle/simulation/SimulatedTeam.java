package com.customerlifecycle.simulation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import com.customerlifecycle.forms.CamundaForm;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario's people, each in one role, working their queue as a person in Tasklist would: the tasks assigned to
 * them and the unassigned tasks of their group, earliest due first (tasks without a due date last); an unassigned
 * task is claimed when they start it (so the diagrams' assignment listeners run, e.g. the first CSM becomes the
 * customer's CSM); it is completed with {@link TaskAnswers} when its hours are spent. Work stops at the end of each
 * person's hours; an unfinished task continues in the next working hour.
 */
final class SimulatedTeam {

    private static final Logger log = LoggerFactory.getLogger(SimulatedTeam.class);
    /** Tasks whose completion the engine refused are set aside with this assignee, open, and reported. */
    static final String SET_ASIDE = "simulation-set-aside";
    private static final int PRESENCE_HOURS = 8;
    private static final Comparator<Task> DUE_ORDER = Comparator
            .comparing((Task task) -> task.getDueDate() == null ? Long.MAX_VALUE : task.getDueDate().getTime())
            .thenComparing(Task::getCreateTime)
            .thenComparing(Task::getId);

    private final Scenario scenario;
    private final TaskService tasks;
    private final DiagramCandidateGroups candidateGroups;
    private final FormService forms;
    private final TaskAnswers answers;
    private final List<Person> people = new ArrayList<>();
    private final Map<String, CamundaForm> formsByKey = new HashMap<>();
    /** Unassigned tasks claimed since the open tasks were read. */
    private final Map<String, String> claimed = new HashMap<>();
    private List<Task> open;
    private final Map<String, Double> minutesWorked = new LinkedHashMap<>();
    private final List<String> refusals = new ArrayList<>();

    SimulatedTeam(Scenario scenario, ProcessEngine engine, TaskAnswers answers) {
        this.scenario = scenario;
        this.tasks = engine.getTaskService();
        this.candidateGroups = new DiagramCandidateGroups(engine.getRepositoryService());
        this.forms = engine.getFormService();
        this.answers = answers;
        for (String role : Scenario.ROLES) {
            Scenario.Role members = scenario.role(role);
            for (int i = 1; i <= members.people(); i++) {
                people.add(new Person(role + "-" + i, role, members.hoursPerDay()));
            }
            minutesWorked.put(role, 0.0);
        }
    }

    /** The role of a simulated person (their user id), or {@code null} for anyone else. */
    static String roleOf(String userId) {
        if (userId == null) {
            return null;
        }
        int dash = userId.lastIndexOf('-');
        return dash < 0 ? null : Scenario.ROLES.stream().filter(userId.substring(0, dash)::equals).findFirst().orElse(null);
    }

    /**
     * People are at work for eight hours from {@link Simulation#WORK_STARTS_AT} (longer when their hours on the queue
     * are more) and spend their {@code hoursPerDay} on the queue evenly over those hours.
     */
    static int workingDayHours(Scenario scenario) {
        double most = Scenario.ROLES.stream().mapToDouble(role -> scenario.role(role).hoursPerDay()).max().orElse(0);
        return (int) Math.max(PRESENCE_HOURS, Math.ceil(most));
    }

    /**
     * One working hour from {@code hourStart}, the {@code hourOfDay}-th of the working day: everyone works their share
     * of it; the engine clock follows the moment each task is claimed and completed.
     */
    void work(Instant hourStart, int hourOfDay) {
        open = null;
        PriorityQueue<Person> working = new PriorityQueue<>(Comparator.comparingDouble((Person p) -> p.minutesUsed)
                .thenComparing(p -> p.order));
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            person.order = i;
            person.minutesUsed = 0;
            double presence = Math.max(PRESENCE_HOURS, Math.ceil(person.hoursPerDay));
            person.budget = hourOfDay < presence ? 60 * person.hoursPerDay / presence : 0;
            if (person.budget > 0) {
                working.add(person);
            }
        }
        while (!working.isEmpty()) {
            Person person = working.poll();
            if (person.taskId == null && !startNext(person, hourStart)) {
                continue;
            }
            double spent = Math.min(person.budget - person.minutesUsed, person.minutesLeft);
            person.minutesUsed += spent;
            person.minutesLeft -= spent;
            minutesWorked.merge(person.role, spent, Double::sum);
            if (person.minutesLeft <= 1e-9) {
                ClockUtil.setCurrentTime(Date.from(at(hourStart, person.minutesUsed)));
                complete(person);
            }
            if (person.budget - person.minutesUsed > 1e-9) {
                working.add(person);
            }
        }
    }

    Map<String, Double> hoursWorked() {
        Map<String, Double> hours = new LinkedHashMap<>();
        minutesWorked.forEach((role, minutes) -> hours.put(role, minutes / 60));
        return hours;
    }

    /** What the engine refused, one line per set-aside task (the answer did not fit the form or the process). */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private boolean startNext(Person person, Instant hourStart) {
        ClockUtil.setCurrentTime(Date.from(at(hourStart, person.minutesUsed)));
        Task next = earliestDue(person);
        if (next == null) {
            return false;
        }
        if (next.getAssignee() == null) {
            tasks.claim(next.getId(), person.id);
            claimed.put(next.getId(), person.id);
        }
        person.taskId = next.getId();
        person.taskKey = next.getTaskDefinitionKey();
        person.formKey = next.getCamundaFormRef() == null ? null : next.getCamundaFormRef().getKey();
        person.minutesLeft = scenario.hoursOf(next.getTaskDefinitionKey()) * 60;
        return true;
    }

    /** The earliest due of the person's own open tasks and the unassigned ones of their group. */
    private Task earliestDue(Person person) {
        return openTasks().stream()
                .filter(task -> task.getAssignee() == null ? !claimed.containsKey(task.getId())
                        && groupsOf(task).contains(person.role) : person.id.equals(task.getAssignee()))
                .min(DUE_ORDER).orElse(null);
    }

    /** The open tasks, read again after anything that may have created or ended some. */
    private List<Task> openTasks() {
        if (open == null) {
            open = tasks.createTaskQuery().active().initializeFormKeys().list();
            claimed.clear();
        }
        return open;
    }

    /** The candidate groups the task's diagram names; those given by an expression as the engine resolved them. */
    private List<String> groupsOf(Task task) {
        List<String> named = candidateGroups.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        return named.stream().anyMatch(group -> group.contains("{")) ? candidateGroupsOf(task) : named;
    }

    private List<String> candidateGroupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private void complete(Person person) {
        String taskId = person.taskId;
        person.taskId = null;
        open = null;
        try {
            Map<String, Object> variables = tasks.getVariables(taskId);
            Map<String, Object> answer = person.formKey == null ? Map.of()
                    : answers.of(form(taskId, person.formKey), variables, ClockUtil.getCurrentTime().toInstant());
            tasks.complete(taskId, answer);
        } catch (NullValueException gone) {
            // the process ended the task meanwhile (a trial that ended, an interrupting deadline): nothing to complete
        } catch (ProcessEngineException refused) {
            refusals.add(person.taskKey + ": " + refused.getMessage());
            log.warn("The engine refused the simulated answer to {} ({}); the task is set aside", person.taskKey,
                    refused.getMessage());
            tasks.setAssignee(taskId, SET_ASIDE);
        }
    }

    private CamundaForm form(String taskId, String formKey) {
        return formsByKey.computeIfAbsent(formKey, key -> {
            try (InputStream schema = forms.getDeployedTaskForm(taskId); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                schema.transferTo(bytes);
                return CamundaForm.parse(bytes.toByteArray());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
    }

    private static Instant at(Instant hourStart, double minutes) {
        return hourStart.plus(Duration.ofMillis(Math.round(minutes * 60_000)));
    }

    private static final class Person {
        final String id;
        final String role;
        final double hoursPerDay;
        int order;
        double budget;
        double minutesUsed;
        String taskId;
        String taskKey;
        String formKey;
        double minutesLeft;

        Person(String id, String role, double hoursPerDay) {
            this.id = id;
            this.role = role;
            this.hoursPerDay = hoursPerDay;
        }
    }
}
