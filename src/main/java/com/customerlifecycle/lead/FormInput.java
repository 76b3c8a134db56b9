package com.customerlifecycle.lead;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Server-side checks of what a user submitted in a form, run by the service task right after the user task. Camunda
 * rolls the completion back and its REST API answers 400 with the message, so Tasklist shows it.
 */
final class FormInput {

    private FormInput() {
    }

    static String oneOf(DelegateExecution execution, String field, Set<String> allowed) {
        Object value = execution.getVariable(field);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw new FormFieldValidationException(field, field + " must be one of " + allowed + ", was " + value);
        }
        return text;
    }

    static boolean yesOrNo(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        if (!(value instanceof Boolean decision)) {
            throw new FormFieldValidationException(field, field + " must be true or false, was " + value);
        }
        return decision;
    }

    static String text(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    static String requiredText(DelegateExecution execution, String field, String when) {
        String value = text(execution, field);
        if (value == null) {
            throw new FormFieldValidationException(field, field + " is required " + when);
        }
        return value;
    }

    /** The user who completed the task: Tasklist and the REST API run the completion as that user. */
    static String completedBy(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }
}
