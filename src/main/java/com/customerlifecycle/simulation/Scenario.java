package com.customerlifecycle.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What a simulation assumes about the company: how many trial users sign up, how each step of the journey tends to
 * go, how customers behave, and the team that works the queues. Read from YAML ({@code simulation/default.yaml}
 * explains every key); {@link #load} rejects unknown keys and impossible values before anything runs.
 */
record Scenario(Long seed, LocalDate start, Integer months, SignUps signUps, Sales sales, Customers customers,
                Map<String, Role> team, Map<String, Double> taskHours) {

    /** The seven candidate groups of the diagrams; a team names people for them. */
    static final List<String> ROLES = List.of("sdr", "ae", "support", "am", "deployment-consultant", "csm", "renewal");
    static final List<String> TIERS = List.of("high-touch", "low-touch", "tech-touch");
    static final List<String> BANDS = List.of("green", "yellow", "red");
    static final String TRIAL = "trial";
    static final String DEFAULT_TASK = "default";

    record SignUps(Double perWeek, Double growthPerMonth, Integer trialDays, Integer maximum,
                   List<EmployeeBand> employees) {
    }

    record EmployeeBand(Integer from, Integer to, Double share) {
    }

    record Sales(Double reachedPerAttempt, Double qualified, Double complexNeeds, Double involveCsm,
                 Double solutionFeasible, Double won, Map<String, Plan> plans, Double implementationPurchased,
                 Double strategicAccount, Map<Integer, Double> termYears, Map<String, Double> lossReasons) {
    }

    record Plan(Double share, Double annualValueFrom, Double annualValueTo, Integer seatsFrom, Integer seatsTo) {
    }

    record Customers(Map<String, Map<String, Double>> health, Double expansionOpportunityPerCheckIn,
                     Double expansionSignalsPerYear, Double expansionAgreed, Double expansionUplift,
                     Map<String, Map<String, Double>> supportCasesPerMonth, Map<String, Double> escalatedToLine2,
                     Map<String, Map<String, Double>> churnAtRenewal, Map<Integer, Double> renewalTermYears,
                     Map<String, Double> churnReasons) {
    }

    record Role(Integer people, Double hoursPerDay) {
    }

    static Scenario load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SimulationException("No scenario file " + file);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Scenario scenario;
        try {
            scenario = yaml.readValue(file.toFile(), Scenario.class);
        } catch (UnrecognizedPropertyException unknown) {
            throw new SimulationException(file + ": unknown key '" + path(unknown) + "' (known here: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")");
        } catch (JsonMappingException wrong) {
            throw new SimulationException(file + ": '" + path(wrong) + "' " + wrong.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new SimulationException(file + ": not a readable YAML file: " + unreadable.getMessage());
        }
        if (scenario == null) {
            throw new SimulationException(file + " is empty");
        }
        List<String> problems = scenario.problems();
        if (!problems.isEmpty()) {
            throw new SimulationException(file + ":\n  " + String.join("\n  ", problems));
        }
        return scenario;
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Everything wrong with the scenario, each naming its key; empty when it can run. */
    List<String> problems() {
        Checks checks = new Checks();
        checks.present("seed", seed);
        checks.present("start", start);
        if (checks.present("months", months) && (months < 1 || months > 60)) {
            checks.add("months must be between 1 and 60 (was " + months + ")");
        }
        if (checks.present("signUps", signUps)) {
            checks.atLeast("signUps.perWeek", signUps.perWeek, 0);
            checks.atLeast("signUps.growthPerMonth", signUps.growthPerMonth, -1);
            if (checks.present("signUps.trialDays", signUps.trialDays) && (signUps.trialDays < 1 || signUps.trialDays > 90)) {
                checks.add("signUps.trialDays must be between 1 and 90 (was " + signUps.trialDays + ")");
            }
            if (signUps.maximum != null && signUps.maximum < 0) {
                checks.add("signUps.maximum must not be negative (was " + signUps.maximum + ")");
            }
            if (checks.present("signUps.employees", signUps.employees)) {
                Map<String, Double> shares = new LinkedHashMap<>();
                for (int i = 0; i < signUps.employees.size(); i++) {
                    EmployeeBand band = signUps.employees.get(i);
                    String key = "signUps.employees[" + i + "]";
                    if (checks.present(key + ".from", band.from) & checks.present(key + ".to", band.to)
                            && (band.from < 1 || band.to < band.from)) {
                        checks.add(key + " must have 1 <= from <= to (was " + band.from + "-" + band.to + ")");
                    }
                    shares.put(key, band.share);
                }
                checks.shares("signUps.employees", shares);
            }
        }
        if (checks.present("sales", sales)) {
            checks.probability("sales.reachedPerAttempt", sales.reachedPerAttempt);
            checks.probability("sales.qualified", sales.qualified);
            checks.probability("sales.complexNeeds", sales.complexNeeds);
            checks.probability("sales.involveCsm", sales.involveCsm);
            checks.probability("sales.solutionFeasible", sales.solutionFeasible);
            checks.probability("sales.won", sales.won);
            checks.probability("sales.implementationPurchased", sales.implementationPurchased);
            checks.probability("sales.strategicAccount", sales.strategicAccount);
            if (checks.present("sales.plans", sales.plans)) {
                Map<String, Double> shares = new LinkedHashMap<>();
                sales.plans.forEach((name, plan) -> {
                    String key = "sales.plans." + name;
                    shares.put(key, plan.share);
                    if (checks.atLeast(key + ".annualValueFrom", plan.annualValueFrom, 0)
                            & checks.atLeast(key + ".annualValueTo", plan.annualValueTo, 0)
                            && plan.annualValueTo < plan.annualValueFrom) {
                        checks.add(key + ".annualValueTo must not be below annualValueFrom");
                    }
                    if (checks.atLeast(key + ".seatsFrom", plan.seatsFrom == null ? null : plan.seatsFrom.doubleValue(), 1)
                            & checks.atLeast(key + ".seatsTo", plan.seatsTo == null ? null : plan.seatsTo.doubleValue(), 1)
                            && plan.seatsTo < plan.seatsFrom) {
                        checks.add(key + ".seatsTo must not be below seatsFrom");
                    }
                });
                checks.shares("sales.plans", shares);
            }
            checks.terms("sales.termYears", sales.termYears);
            checks.distribution("sales.lossReasons", sales.lossReasons);
        }
        if (checks.present("customers", customers)) {
            if (checks.present("customers.health", customers.health)) {
                checks.onlyKeys("customers.health", customers.health.keySet(), TIERS);
                TIERS.forEach(tier -> {
                    Map<String, Double> bands = customers.health.get(tier);
                    if (checks.present("customers.health." + tier, bands)) {
                        checks.onlyKeys("customers.health." + tier, bands.keySet(), BANDS);
                        checks.distribution("customers.health." + tier, bands);
                    }
                });
            }
            checks.probability("customers.expansionOpportunityPerCheckIn", customers.expansionOpportunityPerCheckIn);
            checks.atLeast("customers.expansionSignalsPerYear", customers.expansionSignalsPerYear, 0);
            checks.probability("customers.expansionAgreed", customers.expansionAgreed);
            checks.atLeast("customers.expansionUplift", customers.expansionUplift, 0);
            if (checks.present("customers.supportCasesPerMonth", customers.supportCasesPerMonth)) {
                List<String> accounts = new ArrayList<>(TIERS);
                accounts.add(TRIAL);
                customers.supportCasesPerMonth.forEach((category, perTier) -> {
                    String key = "customers.supportCasesPerMonth." + category;
                    if (checks.present(key, perTier)) {
                        checks.onlyKeys(key, perTier.keySet(), accounts);
                        perTier.forEach((tier, rate) -> checks.atLeast(key + "." + tier, rate, 0));
                    }
                });
            }
            if (checks.present("customers.escalatedToLine2", customers.escalatedToLine2)) {
                customers.escalatedToLine2.forEach((category, p) -> checks.probability("customers.escalatedToLine2." + category, p));
            }
            if (checks.present("customers.churnAtRenewal", customers.churnAtRenewal)) {
                checks.onlyKeys("customers.churnAtRenewal", customers.churnAtRenewal.keySet(), TIERS);
                TIERS.forEach(tier -> {
                    Map<String, Double> byBand = customers.churnAtRenewal.get(tier);
                    String key = "customers.churnAtRenewal." + tier;
                    if (checks.present(key, byBand)) {
                        checks.onlyKeys(key, byBand.keySet(), BANDS);
                        BANDS.forEach(band -> checks.probability(key + "." + band, byBand.get(band)));
                    }
                });
            }
            checks.terms("customers.renewalTermYears", customers.renewalTermYears);
            checks.distribution("customers.churnReasons", customers.churnReasons);
        }
        if (checks.present("team", team)) {
            checks.onlyKeys("team", team.keySet(), ROLES);
            team.forEach((role, members) -> {
                String key = "team." + role;
                if (checks.present(key, members)) {
                    if (checks.present(key + ".people", members.people) && members.people < 0) {
                        checks.add(key + ".people must not be negative (was " + members.people + ")");
                    }
                    if (checks.present(key + ".hoursPerDay", members.hoursPerDay)
                            && (members.hoursPerDay < 0 || members.hoursPerDay > 12)) {
                        checks.add(key + ".hoursPerDay must be between 0 and 12 (was " + members.hoursPerDay + ")");
                    }
                }
            });
        }
        if (checks.present("taskHours", taskHours)) {
            checks.present("taskHours." + DEFAULT_TASK, taskHours.get(DEFAULT_TASK));
            taskHours.forEach((task, hours) -> {
                if (checks.present("taskHours." + task, hours) && (hours <= 0 || hours > 40)) {
                    checks.add("taskHours." + task + " must be more than 0 and at most 40 hours (was " + hours + ")");
                }
            });
        }
        return checks.problems;
    }

    /** The day after the last simulated day. */
    LocalDate end() {
        return start.plusMonths(months);
    }

    /** The week the simulation starts in begins on this Monday. */
    LocalDate firstMonday() {
        return start.with(DayOfWeek.MONDAY);
    }

    Role role(String group) {
        return team.getOrDefault(group, new Role(0, 0.0));
    }

    double hoursOf(String taskKey) {
        return taskHours.getOrDefault(taskKey, taskHours.get(DEFAULT_TASK));
    }

    private static final class Checks {

        private final List<String> problems = new ArrayList<>();

        void add(String problem) {
            problems.add(problem);
        }

        boolean present(String key, Object value) {
            if (value == null) {
                problems.add(key + " is missing");
                return false;
            }
            return true;
        }

        boolean atLeast(String key, Double value, double minimum) {
            if (!present(key, value)) {
                return false;
            }
            if (value < minimum || value.isNaN() || value.isInfinite()) {
                problems.add(key + " must be at least " + minimum + " (was " + value + ")");
                return false;
            }
            return true;
        }

        void probability(String key, Double value) {
            if (present(key, value) && (value < 0 || value > 1 || value.isNaN())) {
                problems.add(key + " is a probability and must be between 0 and 1 (was " + value + ")");
            }
        }

        void onlyKeys(String key, Set<String> keys, List<String> allowed) {
            keys.stream().filter(k -> !allowed.contains(k)).forEach(k ->
                    problems.add("unknown key '" + key + "." + k + "' (known here: " + String.join(", ", allowed) + ")"));
        }

        /** Shares of a whole: each between 0 and 1, together 1. */
        void shares(String key, Map<String, Double> shares) {
            if (shares.isEmpty()) {
                problems.add(key + " needs at least one entry");
                return;
            }
            double sum = 0;
            boolean complete = true;
            for (Map.Entry<String, Double> share : shares.entrySet()) {
                String shareKey = share.getKey().startsWith(key) ? share.getKey() + ".share" : key + "." + share.getKey();
                if (!present(shareKey, share.getValue())) {
                    complete = false;
                    continue;
                }
                probability(shareKey, share.getValue());
                sum += share.getValue();
            }
            if (complete && Math.abs(sum - 1) > 0.001) {
                problems.add(key + ": the shares must add up to 1 (they add up to " + Math.round(sum * 1000) / 1000.0 + ")");
            }
        }

        void distribution(String key, Map<String, Double> shares) {
            if (present(key, shares)) {
                shares(key, shares);
            }
        }

        void terms(String key, Map<Integer, Double> shares) {
            if (!present(key, shares)) {
                return;
            }
            shares.keySet().stream().filter(years -> years < 1 || years > 3).forEach(years ->
                    problems.add(key + ": a term of " + years + " years is not one of 1, 2, 3"));
            Map<String, Double> byName = new LinkedHashMap<>();
            shares.forEach((years, share) -> byName.put(String.valueOf(years), share));
            shares(key, byName);
        }
    }
}
