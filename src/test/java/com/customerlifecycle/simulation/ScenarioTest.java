package com.customerlifecycle.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files and folders a simulation refuses, each with a message naming the problem, before anything runs. */
class ScenarioTest {

    private static final Path DEFAULT = Path.of(SimulateCommand.DEFAULT_SCENARIO);

    @TempDir
    Path temp;

    @Test
    void theDefaultScenarioIsValid() {
        Scenario scenario = Scenario.load(DEFAULT);
        assertThat(scenario.months()).isEqualTo(12);
        assertThat(scenario.team().keySet()).containsExactlyInAnyOrderElementsOf(Scenario.ROLES);
        assertThat(scenario.hoursOf("Task_CustomizeProduct")).isEqualTo(8.0);
        assertThat(scenario.hoursOf("Task_SomethingNew")).isEqualTo(0.5);
    }

    @Test
    void anUnknownKeyIsNamedWithWhereItIs() throws IOException {
        assertThat(problemWith("  won: 0.35", "  won: 0.35\n  wonn: 0.4"))
                .contains("unknown key 'sales.wonn'", "known here:", "reachedPerAttempt");
        assertThat(problemWith("  sdr: {people: 2, hoursPerDay: 6}", "  sdr: {people: 2, hoursPerDay: 6}\n  marketing: {people: 1, hoursPerDay: 6}"))
                .contains("unknown key 'team.marketing'");
    }

    @Test
    void probabilitiesOutsideZeroToOneAreRefused() throws IOException {
        assertThat(problemWith("  won: 0.35", "  won: 1.5"))
                .contains("sales.won is a probability and must be between 0 and 1 (was 1.5)");
        assertThat(problemWith("    high-touch: {green: 0.03, yellow: 0.12, red: 0.40}", "    high-touch: {green: -0.1, yellow: 0.12, red: 0.40}"))
                .contains("customers.churnAtRenewal.high-touch.green is a probability");
        assertThat(problemWith("starter: {share: 0.45", "starter: {share: 0.55"))
                .contains("sales.plans: the shares must add up to 1 (they add up to 1.1)");
    }

    @Test
    void negativeHeadcountAndMissingValuesAreRefused() throws IOException {
        String problem = problemWith("  csm: {people: 2, hoursPerDay: 6}", "  csm: {people: -1, hoursPerDay: 6}\n");
        assertThat(problem).contains("team.csm.people must not be negative (was -1)");
        assertThat(problemWith("seed: 42\n", "")).contains("seed is missing");
        assertThat(problemWith("  perWeek: 17", "  perWeek: many")).contains("'signUps.perWeek'");
    }

    @Test
    void everyProblemIsListedAtOnce() throws IOException {
        String problem = problemWith("  won: 0.35", "  won: 2").concat(problemWith("months: 12", "months: 0"));
        assertThat(problem).contains("sales.won", "months must be between 1 and 60");
    }

    @Test
    void aFolderWithoutDiagramsStopsTheCommandBeforeAnythingRuns() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no diagrams here");
        Path out = temp.resolve("out");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = SimulateCommand.run(new String[] {"--processes", empty.toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("no diagrams (.bpmn files) in " + empty);
        assertThat(out).doesNotExist();
    }

    @Test
    void badCommandLinesAreExplained() {
        assertThat(run("--scenario")).contains("--scenario needs a value", "usage: simulate");
        assertThat(run("--speed", "fast")).contains("unknown option --speed");
        assertThat(run("--scenario", "no/such.yaml")).contains("No scenario file no/such.yaml");
        assertThat(run("--compare", "no/such/folder")).contains("no folder no/such/folder");
    }

    @Test
    void aFolderWithoutTheCustomerJourneyIsRefused() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("only-webinars"));
        Files.copy(Path.of("processes/webinar.bpmn"), folder.resolve("webinar.bpmn"));
        assertThatThrownBy(() -> SimulateCommand.checkDiagramFolder(folder))
                .hasMessageContaining("no process 'customer-journey' in " + folder);
    }

    private String run(String... args) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = SimulateCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        return errors.toString(StandardCharsets.UTF_8);
    }

    /** The message for the default scenario with {@code original} replaced by {@code replacement}. */
    private String problemWith(String original, String replacement) throws IOException {
        String yaml = Files.readString(DEFAULT);
        assertThat(yaml).contains(original);
        Path file = temp.resolve("scenario-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(replacement)));
        return catchThrowableOfType(SimulationException.class, () -> Scenario.load(file)).getMessage();
    }
}
