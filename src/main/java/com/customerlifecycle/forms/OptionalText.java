package com.customerlifecycle.forms;

/** An optional text field of a form as the records keep it: trimmed, and {@code null} when left empty. */
public final class OptionalText {

    private OptionalText() {
    }

    public static String of(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
