package com.customerlifecycle.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.expansion.ExpansionSignals;
import com.customerlifecycle.journey.JourneyProcess;
import com.customerlifecycle.lead.TrialSignUp;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.support.SupportCases;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lives through the scenario's months on the engine clock, day by day: what arrives from outside (trial sign-ups
 * from the website, support cases from the helpdesk, usage signals) enters through the same services as over REST
 * at its moment of the day; every timer, deadline and asynchronous step of the diagrams runs when the clock reaches
 * it (the job executor is off: due jobs run here, earliest first); in working hours the {@link SimulatedTeam} works
 * its queues. What happened is read afterwards from the application's own records ({@link SimulationResults}).
 */
final class Simulation {

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    /** People start their working day at this hour of the business time zone (README: the team's day). */
    static final int WORK_STARTS_AT = 9;
    private static final double DAYS_PER_MONTH = 365.25 / 12;
    /** Helpdesk cases and usage signals arrive between these hours. */
    private static final int DAYTIME_FROM = 8;
    private static final int DAYTIME_HOURS = 10;

    private final Scenario scenario;
    private final ZoneId zone;
    private final ManagementService management;
    private final TrialSignUpService signUps;
    private final SupportCases supportCases;
    private final ExpansionSignals expansionSignals;
    private final TransactionTemplate transaction;
    private final SimulatedAccounts accounts;
    private final RuntimeService runtime;
    private final SimulatedTeam team;
    /** The chance of the day being simulated: its arrivals, their moments and who they come from. */
    private Draw draw;
    private final Consumer<String> progress;
    private final Map<String, Double> carried = new HashMap<>();
    private int signUpsSoFar;
    private int jobsRun;
    private final List<String> jobFailures = new ArrayList<>();

    Simulation(Scenario scenario, ZoneId zone, ProcessEngine engine, TrialSignUpService signUps, SupportCases supportCases,
               ExpansionSignals expansionSignals, TransactionTemplate transaction, SimulatedAccounts accounts,
               RuntimeService runtime, Consumer<String> progress) {
        this.scenario = scenario;
        this.zone = zone;
        this.management = engine.getManagementService();
        this.signUps = signUps;
        this.supportCases = supportCases;
        this.expansionSignals = expansionSignals;
        this.transaction = transaction;
        this.accounts = accounts;
        this.runtime = runtime;
        this.team = new SimulatedTeam(scenario, engine, new TaskAnswers(scenario, accounts::standingOf));
        this.progress = progress;
    }

    record Outcome(int signUps, int jobsRun, List<String> jobFailures, List<String> refusedAnswers,
                   Map<String, Double> hoursWorked) {
    }

    Outcome run() {
        long started = System.nanoTime();
        LocalDate day = scenario.start();
        ClockUtil.setCurrentTime(Date.from(day.atStartOfDay(zone).toInstant()));
        while (day.isBefore(scenario.end())) {
            live(day);
            day = day.plusDays(1);
            if (day.getDayOfMonth() == scenario.start().getDayOfMonth() || !day.isBefore(scenario.end())) {
                progress.accept(String.format("simulated up to %s: %d sign-ups, %d journeys running, %d jobs run, %.0f s",
                        day.minusDays(1), signUpsSoFar, runtime.createProcessInstanceQuery().processDefinitionKey(JourneyProcess.KEY).count(), jobsRun,
                        (System.nanoTime() - started) / 1e9));
            }
        }
        return new Outcome(signUpsSoFar, jobsRun, List.copyOf(jobFailures), team.refusals(), team.hoursWorked());
    }

    private void live(LocalDate day) {
        Instant midnight = day.atStartOfDay(zone).toInstant();
        List<Arrival> arrivals = arrivalsOf(day, midnight);
        Instant workStarts = day.atTime(WORK_STARTS_AT, 0).atZone(zone).toInstant();
        runUntil(workStarts, arrivals);
        if (WorkingCalendar.isWorkingDay(day)) {
            for (int hour = 0; hour < SimulatedTeam.workingDayHours(scenario); hour++) {
                Instant hourStart = workStarts.plus(Duration.ofHours(hour));
                team.work(hourStart, hour);
                runUntil(hourStart.plus(Duration.ofHours(1)), arrivals);
            }
        }
        runUntil(day.plusDays(1).atStartOfDay(zone).toInstant(), arrivals);
    }

    /**
     * Moves the clock to {@code end}, stopping at each arrival and each timer on the way, in time order, and runs the
     * jobs due at each stop.
     */
    private void runUntil(Instant end, List<Arrival> arrivals) {
        runDueJobs();
        while (true) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            Instant nextArrival = arrivals.isEmpty() ? null : arrivals.get(0).at();
            Instant nextTimer = nextTimerBefore(end);
            Instant next = earliest(nextArrival != null && nextArrival.isBefore(end) ? nextArrival : null, nextTimer);
            if (next == null) {
                break;
            }
            ClockUtil.setCurrentTime(Date.from(next.isBefore(now) ? now : next));
            if (next.equals(nextArrival)) {
                arrivals.remove(0).happen().run();
            }
            runDueJobs();
        }
        if (ClockUtil.getCurrentTime().toInstant().isBefore(end)) {
            ClockUtil.setCurrentTime(Date.from(end));
        }
        runDueJobs();
    }

    private Instant nextTimerBefore(Instant end) {
        // due now or earlier: runDueJobs' business
        List<Job> next = management.createJobQuery().active().withRetriesLeft()
                .duedateHigherThan(ClockUtil.getCurrentTime()).duedateLowerThan(Date.from(end)).orderByJobDuedate().asc().orderByJobId().asc().listPage(0, 1);
        return next.isEmpty() || next.get(0).getDuedate() == null ? null : next.get(0).getDuedate().toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) || a.equals(b) ? a : b;
    }

    /** Runs every job due now (timers, asynchronous steps), and those they make due, until none is left. */
    private void runDueJobs() {
        while (true) {
            List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().orderByJobId().asc()
                    .listPage(0, 100);
            int ran = 0;
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    jobsRun++;
                    ran++;
                } catch (ProcessEngineException failed) {
                    if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                        // a real failure: the engine counted down its retries; after the last it is an incident
                        jobFailures.add(job.getProcessDefinitionKey() + "/" + job.getFailedActivityId() + ": " + failed.getMessage());
                        log.warn("Job {} of {} failed: {}", job.getId(), job.getProcessDefinitionKey(), failed.getMessage());
                    }
                }
            }
            if (ran == 0) {
                // nothing due, or only jobs failing again: the next stop of the clock tries them once more
                return;
            }
        }
    }

    /** What comes from outside on that day, each at its moment, in time order. */
    private List<Arrival> arrivalsOf(LocalDate day, Instant midnight) {
        List<Arrival> arrivals = new ArrayList<>();
        draw = Draw.of(scenario.seed(), "arrivals/" + day);
        long monthsIn = ChronoUnit.MONTHS.between(scenario.start(), day);
        Scenario.SignUps signUpRate = scenario.signUps();
        double signUpsToday = signUpRate.perWeek() / 7 * Math.pow(1 + signUpRate.growthPerMonth(), monthsIn);
        for (int i = due("sign-ups", signUpsToday); i > 0; i--) {
            if (signUpRate.maximum() != null && signUpsSoFar >= signUpRate.maximum()) {
                break;
            }
            int number = ++signUpsSoFar;
            arrivals.add(new Arrival(anyTime(midnight), () -> signUp(number)));
        }
        SimulatedAccounts.Open open = accounts.open(ClockUtil.getCurrentTime().toInstant());
        scenario.customers().supportCasesPerMonth().forEach((category, perTier) -> perTier.forEach((tier, rate) -> {
            List<SimulatedAccounts.Account> ofTier = open.ofTier(tier);
            int cases = due("case " + category + " " + tier, rate * ofTier.size() / DAYS_PER_MONTH);
            for (int i = 0; i < cases && !ofTier.isEmpty(); i++) {
                SimulatedAccounts.Account account = draw.oneOf(ofTier);
                arrivals.add(new Arrival(daytime(midnight), () -> openCase(account, category)));
            }
        }));
        List<SimulatedAccounts.Account> customers = open.customers();
        int signals = due("expansion signals", scenario.customers().expansionSignalsPerYear() * customers.size() / 365.25);
        for (int i = 0; i < signals && !customers.isEmpty(); i++) {
            SimulatedAccounts.Account customer = draw.oneOf(customers);
            arrivals.add(new Arrival(daytime(midnight), () -> signalExpansion(customer)));
        }
        arrivals.sort(Comparator.comparing(Arrival::at));
        return arrivals;
    }

    /**
     * How many of something happen today when {@code expected} are due on average: the fractions carry over to the
     * next day, so the counts over the run are exact (a rate of 2.5 a week gives 5 in two weeks).
     */
    private int due(String what, double expected) {
        double total = carried.getOrDefault(what, 0.0) + expected;
        int whole = (int) Math.floor(total + 1e-9);
        carried.put(what, total - whole);
        return whole;
    }

    private Instant anyTime(Instant midnight) {
        return midnight.plus(Duration.ofSeconds((long) (draw.fraction() * 86_400)));
    }

    private Instant daytime(Instant midnight) {
        return midnight.plus(Duration.ofHours(DAYTIME_FROM)).plus(Duration.ofSeconds((long) (draw.fraction() * DAYTIME_HOURS * 3600)));
    }

    private void signUp(int number) {
        String id = String.format("%05d", number);
        Draw company = Draw.of(scenario.seed(), "sign-up/" + id);
        Scenario.EmployeeBand band = company.pick(employeeShares());
        signUps.signUp(new TrialSignUp("Simulated Company " + id, "Trial User " + id, "trial-" + id + "@simulation.invalid",
                null, company.between(band.from(), band.to()), scenario.signUps().trialDays()));
    }

    private Map<Scenario.EmployeeBand, Double> employeeShares() {
        Map<Scenario.EmployeeBand, Double> shares = new LinkedHashMap<>();
        scenario.signUps().employees().forEach(band -> shares.put(band, band.share()));
        return shares;
    }

    private void openCase(SimulatedAccounts.Account account, String category) {
        boolean trial = Scenario.TRIAL.equals(account.tier());
        supportCases.open(new SupportCases.CaseRequest(trial ? account.id() : null, trial ? null : account.id(), category,
                "email", "A " + category + " case (simulated)", "Simulated helpdesk case", null));
    }

    private void signalExpansion(SimulatedAccounts.Account customer) {
        if (!accounts.isActiveCustomer(customer.id())) {
            return;
        }
        transaction.executeWithoutResult(status -> expansionSignals.signal(customer.id(),
                new ExpansionSignals.Signal("Usage above the plan (simulated)", null, "usage signal")));
    }

    private record Arrival(Instant at, Runnable happen) {
    }
}
