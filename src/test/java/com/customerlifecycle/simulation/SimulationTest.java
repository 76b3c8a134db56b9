package com.customerlifecycle.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.customerlifecycle.renewal.RenewalProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulation on the real diagrams with a tiny, certain scenario ({@code simulation/tiny.yaml}: three trial users,
 * every probability 0 or 1, a CSM with six minutes a day), and the same scenario on a copy of the diagrams whose
 * renewal window opens 120 days before the contract ends instead of 90 — one {@code simulate --compare} command.
 */
class SimulationTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String TINY = "src/test/resources/simulation/tiny.yaml";

    @TempDir
    static Path temp;

    private static Path out;
    private static Path earlyWindow;
    private static JsonNode summary;
    private static List<Map<String, String>> weekly;
    private static String console;
    /** The renewals of each run, by the days before the contract's end its renewal window opens. */
    private static final Map<Integer, List<Renewal>> renewals = new HashMap<>();

    @BeforeAll
    static void simulateTinyScenarioOnBothFolders() throws IOException {
        earlyWindow = temp.resolve("processes-120-day-window");
        copy(Path.of("processes"), earlyWindow);
        Path renewal = earlyWindow.resolve("subscription-renewal.bpmn");
        String diagram = Files.readString(renewal);
        String window = "${workingCalendar.daysBefore(contractEndDate, 90)}";
        assertThat(diagram).contains(window);
        Files.writeString(renewal, diagram.replace(window, "${workingCalendar.daysBefore(contractEndDate, 120)}"));

        // what simulate --scenario tiny.yaml --processes processes --compare <copy> does, looking into each run's store
        out = temp.resolve("results");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Scenario scenario = Scenario.load(Path.of(TINY));
        SimulationResults.Run asDeployed = SimulateCommand.simulate(scenario, Path.of("processes"),
                new PrintStream(printed, true, StandardCharsets.UTF_8), context -> renewals.put(90, renewals(context)));
        SimulationResults.Run withEarlyWindow = SimulateCommand.simulate(scenario, earlyWindow,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                context -> renewals.put(120, renewals(context)));
        SimulationReport.write(out, "tiny.yaml", List.of(asDeployed, withEarlyWindow));
        console = printed.toString(StandardCharsets.UTF_8);
        summary = SimulationResults.JSON.readTree(out.resolve("summary.json").toFile());
        weekly = csv(out.resolve("weekly.csv"));
    }

    @Test
    void everyTrialUserIsContactedQualifiedWonAndOnboarded() {
        JsonNode journeys = summary.at("/runs/0/journeys");
        assertThat(journeys.path("trialSignUps").asInt()).isEqualTo(3);
        assertThat(journeys.path("leadsQualified").asInt()).isEqualTo(3);
        assertThat(journeys.path("customersWon").asInt()).isEqualTo(3);
        assertThat(journeys.path("dealsLost").asInt()).isZero();
        assertThat(journeys.path("wonAnnualValue").asDouble()).isEqualTo(180_000.0);
        assertThat(journeys.path("customersOnboarded").asInt()).isEqualTo(3);
        assertThat(journeys.path("supportCasesOpened").asInt()).isZero();

        JsonNode roles = summary.at("/runs/0/roles");
        // contact and qualify; discovery, demo, proposal, negotiation; the welcome; introduction and negotiation
        assertThat(tasks(roles, "sdr")).containsExactly(6, 6);
        assertThat(tasks(roles, "ae")).containsExactly(12, 12);
        assertThat(tasks(roles, "am")).containsExactly(3, 3);
        assertThat(tasks(roles, "renewal")).containsExactly(6, 6);
        assertThat(tasks(roles, "deployment-consultant")).containsExactly(0, 0);
        assertThat(tasks(roles, "support")).containsExactly(0, 0);
        assertThat(roles.at("/sdr/hoursDone").asDouble()).isEqualTo(3.0);
        assertThat(summary.at("/runs/0/engine/refusedAnswers")).isEmpty();
        assertThat(summary.at("/runs/0/engine/jobFailures")).isEmpty();
        assertThat(console).contains("simulated up to 2027-02-03: 3 sign-ups");
    }

    @Test
    void checkInsPileUpWhenTheCsmHasTooFewHours() {
        JsonNode csm = summary.at("/runs/0/roles/csm");
        // six minutes a day for success plans (2 h), monthly check-ins (1 h, due the same day) and business reviews
        // (a customer's next check-in waits for the last one, so each customer has at most one open)
        assertThat(csm.path("utilisation").asDouble()).isGreaterThan(0.9);
        assertThat(csm.path("hoursNeeded").asDouble()).isGreaterThan(csm.path("hoursAvailable").asDouble());
        assertThat(csm.path("backlogAtEnd").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(csm.path("overdueAtEnd").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(csm.path("deadlinesMissed").asDouble()).isGreaterThanOrEqualTo(0.8 * csm.path("tasksCreated").asInt());
        assertThat(summary.at("/runs/0/journeys/checkInsOverdue").asInt()).isPositive();
        List<Integer> backlog = weekly.stream().filter(row -> row.get("diagrams").equals("processes") && row.get("role").equals("csm"))
                .map(row -> Integer.valueOf(row.get("backlog"))).toList();
        assertThat(backlog.get(backlog.size() - 1)).isGreaterThan(backlog.get(backlog.size() / 4));
    }

    @Test
    void renewalTimersFireOnTheirDatesAndAnEarlierWindowMovesTheIntroductions() {
        renewals.forEach((window, ofRun) -> {
            assertThat(ofRun).hasSize(3);
            for (Renewal renewal : ofRun) {
                assertThat(renewal.introduced()).isEqualTo(startOf(renewal.contractEnds().minusDays(window)));
                assertThat(renewal.negotiationOpened()).isEqualTo(startOf(renewal.contractEnds().minusDays(60)));
            }
        });
        // the same seed wins the same contracts on both folders
        assertThat(renewals.get(120)).extracting(Renewal::contractEnds)
                .containsExactlyInAnyOrderElementsOf(renewals.get(90).stream().map(Renewal::contractEnds).toList());
        assertThat(renewalTasksPerWeek("processes")).isEqualTo(expectedRenewalWeeks(renewals.get(90), 90));
        assertThat(renewalTasksPerWeek(earlyWindow.toString())).isEqualTo(expectedRenewalWeeks(renewals.get(120), 120));
        LocalDate firstWindow = renewals.get(90).stream().map(renewal -> renewal.contractEnds().minusDays(90))
                .min(LocalDate::compareTo).orElseThrow();
        assertThat(renewalTasksPerWeek("processes").firstKey()).isEqualTo(firstWindow.with(DayOfWeek.MONDAY));
        assertThat(renewalTasksPerWeek(earlyWindow.toString()).firstKey())
                .isEqualTo(firstWindow.minusDays(30).with(DayOfWeek.MONDAY));
    }

    @Test
    void theSameSeedGivesTheSameSummary() throws IOException {
        Path again = temp.resolve("again");
        int exit = SimulateCommand.run(new String[] {"--scenario", TINY, "--out", again.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isZero();
        JsonNode second = SimulationResults.JSON.readTree(again.resolve("summary.json").toFile());
        assertThat(second.at("/runs/0")).isEqualTo(summary.at("/runs/0"));
        assertThat(Files.readString(again.resolve("weekly.csv")))
                .isEqualTo(Files.readAllLines(out.resolve("weekly.csv")).stream().filter(line -> !line.startsWith(earlyWindow.toString()))
                        .collect(Collectors.joining("\n", "", "\n")));
    }

    @Test
    void theReportShowsBothVersionsSideBySideWithoutAnythingFromOutside() throws IOException {
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("tiny.yaml");
        assertThat(report).contains("<th>processes</th>", "<th>" + earlyWindow + "</th>", "<th>Change</th>", "<svg", "<polyline");
        assertThat(report).doesNotContain("<script", "http://", "https://");
    }

    private record Renewal(LocalDate contractEnds, Instant introduced, Instant negotiationOpened) {
    }

    /** The decided renewals (each renewed contract starts the next cycle, which has not reached its window yet). */
    private static List<Renewal> renewals(ConfigurableApplicationContext context) {
        HistoryService history = context.getBean(HistoryService.class);
        return context.getBean(JdbcClient.class).sql("SELECT process_instance_id, contract_end_date FROM renewal WHERE outcome IS NOT NULL")
                .query((row, i) -> new Renewal(row.getDate(2).toLocalDate(),
                        startOf(history, row.getString(1), RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER),
                        startOf(history, row.getString(1), RenewalProcess.Tasks.NEGOTIATE_RENEWAL)))
                .list();
    }

    private static Instant startOf(HistoryService history, String processInstanceId, String taskKey) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
        return task.getStartTime().toInstant();
    }

    /** Monday of each week → renewal tasks created that week: an introduction at the window, a negotiation at −60 days. */
    private static TreeMap<LocalDate, Integer> expectedRenewalWeeks(List<Renewal> renewals, int window) {
        TreeMap<LocalDate, Integer> weeks = new TreeMap<>();
        for (Renewal renewal : renewals) {
            weeks.merge(renewal.contractEnds().minusDays(window).with(DayOfWeek.MONDAY), 1, Integer::sum);
            weeks.merge(renewal.contractEnds().minusDays(60).with(DayOfWeek.MONDAY), 1, Integer::sum);
        }
        return weeks;
    }

    private static TreeMap<LocalDate, Integer> renewalTasksPerWeek(String diagrams) {
        TreeMap<LocalDate, Integer> weeks = new TreeMap<>();
        weekly.stream().filter(row -> row.get("diagrams").equals(diagrams) && row.get("role").equals("renewal"))
                .filter(row -> !row.get("tasks_created").equals("0"))
                .forEach(row -> weeks.put(LocalDate.parse(row.get("week")), Integer.valueOf(row.get("tasks_created"))));
        return weeks;
    }

    private static List<Integer> tasks(JsonNode roles, String role) {
        return List.of(roles.path(role).path("tasksCreated").asInt(), roles.path(role).path("tasksDone").asInt());
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
