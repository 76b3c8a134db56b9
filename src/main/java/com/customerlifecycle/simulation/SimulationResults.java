package com.customerlifecycle.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.kpis.TeamKpis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a run did, read afterwards from the engine's task history and the application's store: per week and role the
 * tasks created, done, waiting and overdue and the hours they stand for, and the run's summary with the product's own
 * KPIs ({@link TeamKpis}) over the simulated period. A task belongs to the first candidate group its diagram names,
 * or else to the role of the person it was assigned to.
 */
final class SimulationResults {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One week (from its Monday) of one role. */
    record Week(LocalDate monday, String role, int people, int created, int done, int backlog, int overdue,
                double hoursNeeded, double hoursDone, double hoursAvailable) {

        Double utilisation() {
            return hoursAvailable == 0 ? null : round(hoursDone / hoursAvailable, 3);
        }
    }

    record Run(String diagrams, List<Week> weeks, ObjectNode summary) {
    }

    private final Scenario scenario;
    private final ZoneId zone;
    private final HistoryService history;
    private final JdbcClient jdbc;
    private final TeamKpis kpis;
    private final DiagramCandidateGroups candidateGroups;

    SimulationResults(Scenario scenario, ZoneId zone, HistoryService history, RepositoryService repository,
                      JdbcClient jdbc, TeamKpis kpis) {
        this.scenario = scenario;
        this.zone = zone;
        this.history = history;
        this.candidateGroups = new DiagramCandidateGroups(repository);
        this.jdbc = jdbc;
        this.kpis = kpis;
    }

    Run of(String diagrams, Simulation.Outcome outcome) {
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().orderByHistoricActivityInstanceStartTime()
                .asc().orderByTaskId().asc().list();
        Map<String, List<HistoricTaskInstance>> byRole = new HashMap<>();
        tasks.forEach(task -> byRole.computeIfAbsent(roleOf(task), role -> new ArrayList<>()).add(task));
        List<Week> weeks = weeks(byRole);
        return new Run(diagrams, weeks, summary(diagrams, outcome, byRole, weeks));
    }

    /** Tasks of no role of the scenario (a group a process owner added) are in no row. */
    private List<Week> weeks(Map<String, List<HistoricTaskInstance>> byRole) {
        List<Week> weeks = new ArrayList<>();
        Instant simulationEnds = startOf(scenario.end());
        for (LocalDate monday = scenario.firstMonday(); monday.isBefore(scenario.end()); monday = monday.plusWeeks(1)) {
            Instant from = startOf(monday);
            Instant to = startOf(monday.plusWeeks(1)).isAfter(simulationEnds) ? simulationEnds : startOf(monday.plusWeeks(1));
            for (String role : Scenario.ROLES) {
                int created = 0;
                int done = 0;
                int backlog = 0;
                int overdue = 0;
                double needed = 0;
                double hoursDone = 0;
                for (HistoricTaskInstance task : byRole.getOrDefault(role, List.of())) {
                    Instant start = task.getStartTime().toInstant();
                    Instant end = task.getEndTime() == null ? null : task.getEndTime().toInstant();
                    double hours = scenario.hoursOf(task.getTaskDefinitionKey());
                    if (!start.isBefore(from) && start.isBefore(to)) {
                        created++;
                        needed += hours;
                    }
                    if (end != null && completed(task) && !end.isBefore(from) && end.isBefore(to)) {
                        done++;
                        hoursDone += hours;
                    }
                    if (start.isBefore(to) && (end == null || !end.isBefore(to))) {
                        backlog++;
                        if (task.getDueDate() != null && task.getDueDate().toInstant().isBefore(to)) {
                            overdue++;
                        }
                    }
                }
                Scenario.Role members = scenario.role(role);
                double available = members.people() * members.hoursPerDay() * workingDays(monday, to);
                weeks.add(new Week(monday, role, members.people(), created, done, backlog, overdue, round(needed, 2),
                        round(hoursDone, 2), round(available, 2)));
            }
        }
        return weeks;
    }

    private long workingDays(LocalDate monday, Instant weekEnd) {
        long days = 0;
        for (LocalDate day = monday; startOf(day).isBefore(weekEnd); day = day.plusDays(1)) {
            if (!day.isBefore(scenario.start()) && WorkingCalendar.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    private ObjectNode summary(String diagrams, Simulation.Outcome outcome, Map<String, List<HistoricTaskInstance>> byRole,
                               List<Week> weeks) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("diagrams", diagrams);
        summary.put("seed", scenario.seed());
        summary.put("from", scenario.start().toString());
        summary.put("to", scenario.end().minusDays(1).toString());
        JsonNode teamKpis = JSON.valueToTree(kpis.between(scenario.start(), scenario.end().minusDays(1)));

        ObjectNode journeys = summary.putObject("journeys");
        journeys.put("trialSignUps", outcome.signUps());
        journeys.set("leadsQualified", teamKpis.at("/sdr/opportunities"));
        journeys.set("customersWon", teamKpis.at("/ae/won"));
        journeys.set("dealsLost", teamKpis.at("/ae/lost"));
        journeys.set("wonAnnualValue", teamKpis.at("/ae/wonAnnualValue"));
        journeys.set("customersOnboarded", teamKpis.at("/onboarding/onboarded"));
        journeys.set("contractsEnded", teamKpis.at("/renewal/contractsEnded"));
        journeys.set("renewed", teamKpis.at("/renewal/renewed"));
        journeys.set("customersChurned", teamKpis.at("/renewal/churned"));
        journeys.set("grossRevenueRetention", teamKpis.at("/renewal/grossRevenueRetention"));
        journeys.set("netRevenueRetention", teamKpis.at("/renewal/netRevenueRetention"));
        journeys.set("supportCasesOpened", teamKpis.at("/support/casesOpened"));
        journeys.set("supportFirstResponseSlaMet", teamKpis.at("/support/firstResponseSlaMet"));
        journeys.set("checkInsHeld", teamKpis.at("/success/checkInsHeld"));
        journeys.set("checkInsOverdue", teamKpis.at("/success/checkInsOverdue"));

        ObjectNode renewalsDue = summary.putObject("renewalsDuePerMonth");
        jdbc.sql("SELECT contract_end_date FROM renewal ORDER BY contract_end_date").query(LocalDate.class).list()
                .forEach(end -> renewalsDue.put(end.toString().substring(0, 7), renewalsDue.path(end.toString().substring(0, 7)).asInt() + 1));

        Instant simulationEnds = startOf(scenario.end());
        ObjectNode perRole = summary.putObject("roles");
        for (String role : Scenario.ROLES) {
            List<Week> ofRole = weeks.stream().filter(week -> week.role().equals(role)).toList();
            Week last = ofRole.get(ofRole.size() - 1);
            double hoursDone = ofRole.stream().mapToDouble(Week::hoursDone).sum();
            double available = ofRole.stream().mapToDouble(Week::hoursAvailable).sum();
            ObjectNode figures = perRole.putObject(role);
            figures.put("people", scenario.role(role).people());
            figures.put("tasksCreated", ofRole.stream().mapToInt(Week::created).sum());
            figures.put("tasksDone", ofRole.stream().mapToInt(Week::done).sum());
            figures.put("backlogAtEnd", last.backlog());
            figures.put("overdueAtEnd", last.overdue());
            figures.put("deadlinesMissed", byRole.getOrDefault(role, List.of()).stream()
                    .filter(task -> missedItsDeadline(task, simulationEnds)).count());
            figures.put("hoursNeeded", round(ofRole.stream().mapToDouble(Week::hoursNeeded).sum(), 1));
            figures.put("hoursDone", round(hoursDone, 1));
            figures.put("hoursAvailable", round(available, 1));
            figures.put("hoursWorked", round(outcome.hoursWorked().getOrDefault(role, 0.0), 1));
            if (available > 0) {
                figures.put("utilisation", round(hoursDone / available, 3));
            } else {
                figures.putNull("utilisation");
            }
        }
        ObjectNode engine = summary.putObject("engine");
        engine.put("jobsRun", outcome.jobsRun());
        engine.set("jobFailures", JSON.valueToTree(outcome.jobFailures()));
        engine.set("refusedAnswers", JSON.valueToTree(outcome.refusedAnswers()));
        summary.set("kpis", teamKpis);
        return summary;
    }

    /** Due, and done (or still open, or ended by the process) only after its due date. */
    private static boolean missedItsDeadline(HistoricTaskInstance task, Instant simulationEnds) {
        if (task.getDueDate() == null) {
            return false;
        }
        Instant end = task.getEndTime() == null ? simulationEnds : task.getEndTime().toInstant();
        return end.isAfter(task.getDueDate().toInstant());
    }

    private static boolean completed(HistoricTaskInstance task) {
        return "completed".equals(task.getDeleteReason());
    }

    private String roleOf(HistoricTaskInstance task) {
        return candidateGroups.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).stream()
                .filter(Scenario.ROLES::contains).findFirst()
                .orElseGet(() -> SimulatedTeam.roleOf(task.getAssignee()));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
