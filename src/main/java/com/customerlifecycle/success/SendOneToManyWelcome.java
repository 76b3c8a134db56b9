package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Vars;

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
        letters.send(execution, STEP, "Welcome to our customer community, " + execution.getVariable(Vars.COMPANY), """
                every month you will get our newsletter with product tips and invitations to our webinars, the regular
                ones and expert sessions with limited seats. Videos and reference documents are in the help centre.
                Once a quarter you can book one hour with a customer success manager for your questions.""");
    }
}
