package com.customerlifecycle.system;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Server-side checks of what a user submitted in a Camunda Form, run while the task completes (by the service task
 * right after it, or by the task's end listener). A failed check rolls the completion back; Camunda's REST API and
 * Tasklist answer 400 with the message.
 */
public final class FormInput {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private FormInput() {
    }

    public static String oneOf(DelegateExecution execution, String field, Set<String> allowed) {
        Object value = execution.getVariable(field);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw invalid(field, "must be one of " + allowed + ", was " + value);
        }
        return text;
    }

    public static boolean yesOrNo(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        if (!(value instanceof Boolean decision)) {
            throw invalid(field, "must be true or false, was " + value);
        }
        return decision;
    }

    public static String text(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static String requiredText(DelegateExecution execution, String field) {
        return requiredText(execution, field, "");
    }

    public static String requiredText(DelegateExecution execution, String field, String when) {
        String value = text(execution, field);
        if (value == null) {
            throw invalid(field, "is required" + (when.isEmpty() ? "" : " " + when));
        }
        return value;
    }

    public static String email(DelegateExecution execution, String field) {
        String value = requiredText(execution, field);
        if (!EMAIL.matcher(value).matches()) {
            throw invalid(field, "must be an e-mail address, was " + value);
        }
        return value;
    }

    public static int wholeNumber(DelegateExecution execution, String field, int min, int max) {
        BigDecimal value = number(execution, field);
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(field, "must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return value.intValueExact();
    }

    public static BigDecimal positiveAmount(DelegateExecution execution, String field) {
        BigDecimal value = number(execution, field);
        if (value.signum() <= 0 || value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw invalid(field, "must be an amount above 0 with at most 2 decimals, was " + value);
        }
        return value;
    }

    private static BigDecimal number(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException notANumber) {
                // reported below
            }
        }
        throw invalid(field, "must be a number, was " + value);
    }

    /** The user who completed the task: Tasklist and the REST API run the completion as that user. */
    public static String completedBy(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }

    private static FormFieldValidationException invalid(String field, String problem) {
        return new FormFieldValidationException(field, field + " " + problem);
    }
}
