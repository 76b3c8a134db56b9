package com.customerlifecycle.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one submitted value against what its form field declares, the way form-js checks it in the browser
 * (required, min, max, minLength, maxLength on the trimmed text, pattern found in the text, e-mail and phone, decimal
 * digits, the allowed values), plus the value's type, which the browser guarantees and a REST caller may not. Numbers
 * come back normalized (whole numbers as {@code Integer} or {@code Long}, others as {@code Double}) so later steps read
 * one type.
 */
final class FieldCheck {

    /** form-js's e-mail rule. */
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
    /** An international number: + or 00, then 7 to 24 digits (form-js also checks the country code). */
    private static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9]\\d{6,23}$");

    /** No form asks for more; bigger numbers (1e999999999) would cost minutes of CPU to print or convert. */
    private static final int MAX_DIGITS = 30;

    /** The outcome: a problem in words (the field's key first), or the value to store. */
    record Result(String problem, Object value) {

        boolean ok() {
            return problem == null;
        }
    }

    private FieldCheck() {
    }

    /**
     * @param allowed the allowed values of a select, radio or checklist (fixed or read from its {@code valuesKey}),
     *                {@code null} for other fields
     */
    static Result check(CamundaForm.Field field, Object value, List<Object> allowed) {
        if (isEmpty(field, value)) {
            return field.required() ? problem(field, "is required") : new Result(null, value);
        }
        return switch (field.type()) {
            case "number" -> number(field, value);
            case "checkbox" -> value instanceof Boolean ? new Result(null, value)
                    : problem(field, "must be true or false, was " + value);
            case "select", "radio" -> oneOf(field, value, allowed);
            case "checklist", "taglist" -> allOf(field, value, allowed);
            case "datetime" -> dateTime(field, value);
            default -> text(field, value);
        };
    }

    private static boolean isEmpty(CamundaForm.Field field, Object value) {
        return value == null
                || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> list && list.isEmpty()
                || "checkbox".equals(field.type()) && Boolean.FALSE.equals(value);
    }

    private static Result number(CamundaForm.Field field, Object value) {
        BigDecimal number = decimal(value);
        if (number == null || number.precision() - number.scale() > MAX_DIGITS || Math.abs(number.scale()) > MAX_DIGITS) {
            return problem(field, "must be a number of at most " + MAX_DIGITS + " digits, was " + shortened(value));
        }
        Integer digits = field.decimalDigits();
        if (digits != null && Math.max(number.stripTrailingZeros().scale(), 0) > digits) {
            return problem(field, digits == 0 ? "must be a whole number, was " + number
                    : "must have at most " + digits + " decimal digits, was " + number);
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return problem(field, "must be at least " + field.min().toPlainString() + ", was " + number.toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return problem(field, "must be at most " + field.max().toPlainString() + ", was " + number.toPlainString());
        }
        return new Result(null, normalized(number));
    }

    private static Result text(CamundaForm.Field field, Object value) {
        if (!(value instanceof String text)) {
            return problem(field, "must be a text, was " + shortened(value));
        }
        int length = text.trim().length();
        if (field.minLength() != null && length < field.minLength()) {
            return problem(field, "must have at least " + field.minLength() + " characters, had " + length);
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            return problem(field, "must have at most " + field.maxLength() + " characters, had " + length);
        }
        if (field.pattern() != null && !matchesPattern(field, text)) {
            return problem(field, "must match the pattern " + field.pattern());
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text.trim()).matches()) {
            return problem(field, "must be an e-mail address, was " + text);
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text.trim()).matches()) {
            return problem(field, "must be an international phone number such as +4930664040900, was " + text);
        }
        return new Result(null, value);
    }

    private static boolean matchesPattern(CamundaForm.Field field, String text) {
        try {
            return Pattern.compile(field.pattern()).matcher(text).find();
        } catch (PatternSyntaxException notJavaSyntax) {
            throw new IllegalStateException("The pattern " + field.pattern() + " of form field " + field.key()
                    + " is not a valid regular expression", notJavaSyntax);
        }
    }

    private static Result oneOf(CamundaForm.Field field, Object value, List<Object> allowed) {
        Object option = matchingOption(value, allowed);
        if (option == null) {
            return problem(field, "must be one of " + shown(allowed) + ", was " + value);
        }
        return new Result(null, option instanceof BigDecimal ? normalized(decimal(value)) : value);
    }

    private static Result allOf(CamundaForm.Field field, Object value, List<Object> allowed) {
        Collection<?> chosen = value instanceof Collection<?> list ? list : CamundaForm.optionValues(value.toString());
        if (chosen.isEmpty()) {
            return problem(field, "must be a list of " + shown(allowed) + ", was " + shortened(value));
        }
        for (Object each : chosen) {
            if (matchingOption(each, allowed) == null) {
                return problem(field, "may only contain " + shown(allowed) + ", contained " + each);
            }
        }
        return new Result(null, value);
    }

    private static Object matchingOption(Object value, List<Object> allowed) {
        if (allowed == null) {
            return null;
        }
        for (Object option : allowed) {
            if (option instanceof BigDecimal number) {
                BigDecimal given = value instanceof Number || value instanceof String ? decimal(value) : null;
                if (given != null && given.compareTo(number) == 0) {
                    return option;
                }
            } else if (option != null && option.equals(value)) {
                return option;
            }
        }
        return null;
    }

    private static Result dateTime(CamundaForm.Field field, Object value) {
        if (value instanceof Date) {
            return new Result(null, value);
        }
        if (value instanceof String text) {
            try {
                switch (field.subtype()) {
                    case "date" -> LocalDate.parse(text);
                    case "time" -> parseTime(text);
                    default -> parseDateTime(text);
                }
                return new Result(null, value);
            } catch (DateTimeParseException notADate) {
                // reported below
            }
        }
        return problem(field, "must be a " + ("date".equals(field.subtype()) ? "date (2026-12-31)"
                : "time".equals(field.subtype()) ? "time (09:30)" : "date and time (2026-12-31T09:30+01:00)")
                + ", was " + value);
    }

    private static void parseTime(String text) {
        try {
            OffsetTime.parse(text);
        } catch (DateTimeParseException local) {
            LocalTime.parse(text);
        }
    }

    private static void parseDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException local) {
            LocalDateTime.parse(text);
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static Number normalized(BigDecimal number) {
        if (number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            long whole = number.longValueExact();
            return whole == (int) whole ? Integer.valueOf((int) whole) : Long.valueOf(whole);
        }
        return number.doubleValue();
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String shown(List<Object> allowed) {
        return allowed == null ? "[]" : allowed.stream()
                .map(option -> option instanceof BigDecimal number ? number.toPlainString() : String.valueOf(option))
                .toList().toString();
    }

    private static Result problem(CamundaForm.Field field, String problem) {
        return new Result(field.key() + " " + problem, null);
    }
}
