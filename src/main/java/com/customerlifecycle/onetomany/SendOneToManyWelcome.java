package com.customerlifecycle.onetomany;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A tech-touch customer joins the one-to-many programme: what it offers and how to book the quarterly CSM hour. */
@Component
class SendOneToManyWelcome implements JavaDelegate {

    static final String STEP = "one-to-many-welcome";

    private final CustomerLetters letters;

    SendOneToManyWelcome(CustomerLetters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        letters.send(execution, STEP, "one-to-many-welcome", Map.of());
    }
}
