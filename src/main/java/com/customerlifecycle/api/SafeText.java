package com.customerlifecycle.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text from outside that ends up in task names, forms and e-mails: no control or bidirectional-override characters
 * (line breaks only where {@link #multiline()}), no markup ({@code <}, {@code >}) and no expression syntax
 * ({@code ${...}}, {@code #{...}}). {@code null} is valid; combine with {@code @NotBlank} where required.
 */
@Documented
@Constraint(validatedBy = SafeText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {

    String message() default "must be plain text: no control characters, markup (< >) or expressions (${ }, #{ })";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SafeText, String> {

        private boolean multiline;

        @Override
        public void initialize(SafeText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlainText(value, multiline);
        }

        /** The same check outside bean validation, e.g. for the values of a map of variables. */
        public static boolean isPlainText(String value, boolean multiline) {
            if (value == null) {
                return true;
            }
            if (value.contains("${") || value.contains("#{") || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
                return false;
            }
            return value.codePoints().allMatch(codePoint -> allowed(codePoint, multiline));
        }

        private static boolean allowed(int codePoint, boolean multiline) {
            if (multiline && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
                return true;
            }
            int type = Character.getType(codePoint);
            return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE;
        }
    }
}
