package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Vars;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.display.Display;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The renewal manager's offers: one per row of the {@code renewal-discount} table (its term in years), each at the
 * current annual value after that row's discount. A row the process owner adds (5 years) is offered with no Java
 * change. For the negotiation form: {@code renewalOffers} (the choices of its term list) and
 * {@code renewalOffersSummary} (the offers in words).
 */
@Component
class PrepareRenewalOffers implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Offer(int years, int discountPercent, BigDecimal annualValue) {
    }

    private final RepositoryService repositoryService;
    private final DecisionService decisions;
    private final Display display;

    PrepareRenewalOffers(RepositoryService repositoryService, DecisionService decisions, Display display) {
        this.repositoryService = repositoryService;
        this.decisions = decisions;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BigDecimal value = BigDecimal.valueOf(((Number) execution.getVariable(Vars.CURRENT_ANNUAL_VALUE)).doubleValue());
        List<Offer> offers = Context.getCommandContext().runWithoutAuthorization(() -> offers(value));
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Offer offer : offers) {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("label", label(offer));
            choice.put("value", offer.years());
            choices.add(choice);
        }
        try {
            execution.setVariable(Vars.RENEWAL_OFFERS, SpinValues.jsonValue(JSON.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execution.setVariable(Vars.RENEWAL_OFFERS_SUMMARY, String.join("  \n", offers.stream().map(this::label).toList()));
    }

    private List<Offer> offers(BigDecimal annualValue) {
        DecisionDefinition table = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(RenewalProcess.DISCOUNT_DECISION).latestVersion().singleResult();
        List<Offer> offers = new ArrayList<>();
        for (int years : termsOf(repositoryService.getDmnModelInstance(table.getId()))) {
            Object discount = decisions.evaluateDecisionTableById(table.getId(),
                    Variables.createVariables().putValue(Vars.RENEWAL_TERM_YEARS, years)).getSingleResult().getSingleEntry();
            int percent = ((Number) discount).intValue();
            offers.add(new Offer(years, percent, RenewalPricing.afterDiscount(annualValue, percent)));
        }
        offers.sort(Comparator.comparingInt(Offer::years));
        return offers;
    }

    /** "2 years: €21,600.00 a year (10 % off)". */
    private String label(Offer offer) {
        return display.of(Vars.RENEWAL_TERM_YEARS, offer.years()) + ": " + display.money(offer.annualValue()) + " a year"
                + (offer.discountPercent() == 0 ? "" : " (" + display.percent(offer.discountPercent()) + " off)");
    }

    /** The term of each row: its input entry, a whole number of years. */
    private static List<Integer> termsOf(DmnModelInstance model) {
        Decision decision = model.getModelElementById(RenewalProcess.DISCOUNT_DECISION);
        List<Integer> terms = new ArrayList<>();
        for (Rule rule : ((DecisionTable) decision.getExpression()).getRules()) {
            String entry = rule.getInputEntries().iterator().next().getTextContent().trim();
            try {
                terms.add(Integer.valueOf(entry));
            } catch (NumberFormatException notOneTerm) {
                throw new ProcessEngineException("Each row of " + RenewalProcess.DISCOUNT_DECISION
                        + " offers one term: write it as a whole number of years, not '" + entry + "'", notOneTerm);
            }
        }
        return terms;
    }
}
