package com.customerlifecycle.simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.customerlifecycle.forms.CamundaForm;

/**
 * What a simulated person enters in a task's form. Every visible field the form requires gets a plausible value of
 * its type (so a step a process owner adds, or a new required field, is answered too); the forms whose answers steer
 * the journey get the scenario's odds: a call reaches the trial user, a deal is won, a health score, a renewal.
 * Each answer draws from its own source of chance, named after the company, the form and how often the company's
 * form was answered ({@link Draw}).
 */
final class TaskAnswers {

    private final Scenario scenario;
    /** How often each company's form has been answered, for the name of the next answer's source of chance. */
    private final Map<String, Integer> answered = new HashMap<>();
    private Draw draw;
    private final Function<String, SimulatedAccounts.Standing> standingOfCustomer;
    /** The plan the account executive recommended, by lead, for the proposal that follows. */
    private final Map<String, String> recommendedPlans = new HashMap<>();

    TaskAnswers(Scenario scenario, Function<String, SimulatedAccounts.Standing> standingOfCustomer) {
        this.scenario = scenario;
        this.standingOfCustomer = standingOfCustomer;
    }

    /** The submitted variables for a task with this form and these process variables, at {@code now}. */
    Map<String, Object> of(CamundaForm form, Map<String, Object> variables, Instant now) {
        Map<String, Object> answer = new LinkedHashMap<>();
        String formId = form.id() == null ? "" : form.id();
        String source = text(variables.get("company")) + "/" + formId;
        draw = Draw.of(scenario.seed(), source + "/" + answered.merge(source, 1, Integer::sum));
        answer.putAll(steering(formId, form, variables));
        for (CamundaForm.Field field : form.fields()) {
            if (!answer.containsKey(field.key()) && field.hideCondition() == null && field.required()) {
                Object value = plausible(field, variables, now);
                if (value != null) {
                    answer.put(field.key(), value);
                }
            }
        }
        return answer;
    }

    private Map<String, Object> steering(String formId, CamundaForm form, Map<String, Object> variables) {
        Scenario.Sales sales = scenario.sales();
        Scenario.Customers customers = scenario.customers();
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (formId) {
            case "contact-trial-user" -> answer.put("contactOutcome", draw.chance(sales.reachedPerAttempt()) ? "reached" : "no-answer");
            case "qualify-lead" -> {
                boolean qualified = draw.chance(sales.qualified());
                answer.put("qualified", qualified);
                if (!qualified) {
                    answer.put("disqualificationReason", "Not a fit for the product (simulated)");
                }
            }
            case "run-discovery-call" -> {
                boolean complex = draw.chance(sales.complexNeeds());
                answer.put("needsSummary", "Needs as discussed (simulated)");
                answer.put("complexNeeds", complex);
                answer.put("involveCsm", complex && draw.chance(sales.involveCsm()));
            }
            case "assess-custom-solution" -> answer.put("solutionFeasible", draw.chance(sales.solutionFeasible()));
            case "demo-to-decision-makers" -> {
                String plan = draw.pick(planShares());
                recommendedPlans.put(text(variables.get("leadId")), plan);
                answer.put("recommendedPlan", option(form, "recommendedPlan", plan));
            }
            case "prepare-proposal" -> {
                String plan = recommendedPlans.getOrDefault(text(variables.get("leadId")), draw.pick(planShares()));
                Scenario.Plan terms = sales.plans().get(plan);
                answer.put("plan", option(form, "plan", plan));
                answer.put("seats", draw.between(terms.seatsFrom(), terms.seatsTo()));
                answer.put("termYears", option(form, "termYears", String.valueOf(draw.pick(sales.termYears()))));
                answer.put("annualValue", roundToHundreds(draw.between(terms.annualValueFrom(), terms.annualValueTo())));
                answer.put("implementationPurchased", draw.chance(sales.implementationPurchased()));
                answer.put("strategicAccount", draw.chance(sales.strategicAccount()));
                answer.put("subscriptionOwnerName", "Owner of " + text(variables.get("company")));
                answer.put("subscriptionOwnerEmail", "owner-" + text(variables.get("leadId")) + "@simulation.invalid");
            }
            case "negotiate-and-close" -> {
                boolean won = draw.chance(sales.won());
                answer.put("dealOutcome", won ? "won" : "lost");
                if (!won) {
                    answer.put("lossReason", option(form, "lossReason", draw.pick(sales.lossReasons())));
                    answer.put("lossNotes", "Lost (simulated)");
                }
            }
            case "welcome-customer" -> answer.put("welcomeDone", true);
            case "hold-success-check-in" -> {
                String tier = text(variables.get("touchTier"));
                String band = draw.pick(customers.health().get(tier));
                answer.put("healthScore", healthScore(band));
                answer.put("checkInNotes", "Check-in held (simulated)");
                if ("low-touch".equals(tier)) {
                    answer.put("hoursUsed", BigDecimal.valueOf(scenario.hoursOf("Task_HoldSuccessCheckIn")));
                }
                boolean growth = draw.chance(customers.expansionOpportunityPerCheckIn());
                answer.put("expansionOpportunity", growth);
                if (growth) {
                    answer.put("expansionNotes", "Wants more seats (simulated)");
                }
            }
            case "discuss-expansion" -> {
                boolean agreed = draw.chance(customers.expansionAgreed());
                answer.put("expansionAgreed", agreed);
                answer.put("expansionOutcomeNotes", agreed ? "Agreed (simulated)" : "Declined (simulated)");
                if (agreed) {
                    double uplift = 1 + customers.expansionUplift();
                    answer.put("plan", option(form, "plan", text(variables.get("currentPlan"))));
                    answer.put("seats", (int) Math.ceil(number(variables.get("currentSeats")) * uplift));
                    answer.put("annualValue", roundToHundreds(number(variables.get("currentAnnualValue")) * uplift));
                    answer.put("extendTerm", false);
                }
            }
            case "negotiate-renewal" -> {
                SimulatedAccounts.Standing standing = standingOfCustomer.apply(text(variables.get("customerId")));
                String tier = standing.tier();
                // the band of the last check-in, as the check-in recorded it; never checked in: by the tier's shares
                String band = standing.healthBand() != null ? standing.healthBand() : draw.pick(customers.health().get(tier));
                boolean churned = draw.chance(customers.churnAtRenewal().get(tier).get(band));
                answer.put("renewalOutcome", churned ? "churned" : "renewed");
                if (churned) {
                    answer.put("churnReason", option(form, "churnReason", draw.pick(customers.churnReasons())));
                    answer.put("churnNotes", "Churned (simulated)");
                } else {
                    answer.put("renewalTermYears", offeredTerm(form, variables));
                    answer.put("renewalAnnualValue", number(variables.get("currentAnnualValue")));
                }
            }
            case "triage-support-case" -> {
                double escalated = customers.escalatedToLine2().getOrDefault(text(variables.get("category")), 0.0);
                answer.put("line1Outcome", draw.chance(escalated) ? "escalate" : "resolved");
            }
            case "resolve-escalated-case" -> {
                if ("bug".equals(variables.get("category"))) {
                    answer.put("productBugReference", "BUG-" + draw.between(1000, 9999));
                }
            }
            default -> {
                // every other form: plausible values for its required fields
            }
        }
        return answer;
    }

    private Map<String, Double> planShares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        scenario.sales().plans().forEach((plan, terms) -> shares.put(plan, terms.share()));
        return shares;
    }

    /** A term the renewal offers hold, drawn by the scenario's shares among them. */
    private Object offeredTerm(CamundaForm form, Map<String, Object> variables) {
        CamundaForm.Field field = field(form, "renewalTermYears");
        List<Object> offered = field == null ? List.of() : field.hasFixedValues() ? field.values()
                : CamundaForm.optionValues(variables.get(field.valuesKey()));
        Map<Object, Double> shares = new LinkedHashMap<>();
        for (Object term : offered) {
            scenario.customers().renewalTermYears().forEach((years, share) -> {
                if (String.valueOf(years).equals(String.valueOf(term))) {
                    shares.put(term, share);
                }
            });
        }
        if (shares.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            return offered.isEmpty() ? 1 : offered.get(0);
        }
        return draw.pick(shares);
    }

    private int healthScore(String band) {
        return switch (band) {
            case "green" -> draw.between(76, 100);
            case "yellow" -> draw.between(51, 75);
            default -> draw.between(0, 50);
        };
    }

    /** A value of the field's own type that its rules accept. */
    private Object plausible(CamundaForm.Field field, Map<String, Object> variables, Instant now) {
        return switch (field.type()) {
            case "textfield", "textarea" -> "email".equals(field.validationType()) ? "someone@simulation.invalid"
                    : padded("Done (simulated)", field.minLength());
            case "number" -> field.defaultValue() != null ? field.defaultValue() : field.min() != null ? field.min() : BigDecimal.ONE;
            case "checkbox" -> true;
            case "radio", "select" -> {
                if (field.defaultValue() != null) {
                    yield field.defaultValue();
                }
                List<Object> options = field.hasFixedValues() ? field.values()
                        : CamundaForm.optionValues(variables.get(field.valuesKey()));
                yield options.isEmpty() ? null : options.get(0);
            }
            case "datetime" -> Date.from(now.plus(Duration.ofDays(30)));
            default -> null;
        };
    }

    /** The option of a select or radio with that value, as the form has it (text or number). */
    private static Object option(CamundaForm form, String key, String value) {
        CamundaForm.Field field = field(form, key);
        if (field != null && field.hasFixedValues()) {
            for (Object option : field.values()) {
                if (String.valueOf(option).equals(value)) {
                    return option;
                }
            }
        }
        return value;
    }

    private static CamundaForm.Field field(CamundaForm form, String key) {
        return form.fields().stream().filter(field -> field.key().equals(key)).findFirst().orElse(null);
    }

    private static String padded(String text, Integer minLength) {
        return minLength == null || text.length() >= minLength ? text : text + ".".repeat(minLength - text.length());
    }

    private static double roundToHundreds(double value) {
        return Math.round(value / 100) * 100.0;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.parseDouble(String.valueOf(value));
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
