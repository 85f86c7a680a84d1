package com.waymark.tenant.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * A single line of human text: any letters, digits, punctuation, symbols and emoji, but no control
 * characters (NUL, line breaks, tabs), no invisible formatting characters (bidirectional overrides
 * such as U+202E, zero-width spaces and joiners, BOM), no line/paragraph separators, no private-use
 * characters and no lone surrogates. Such characters make names that look like something else in
 * lists, logs and Keycloak, and some (NUL) cannot be stored at all. Null is valid (use
 * {@code @NotNull} for required fields).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    String message() default "must not contain control, invisible formatting or invalid characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value);
        }

        /** Whether every code point is printable text (see the annotation). */
        public static boolean isPlain(String value) {
            for (int i = 0; i < value.length();) {
                int codePoint = value.codePointAt(i);
                switch (Character.getType(codePoint)) {
                    case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                            Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                        return false;
                    }
                    default -> {
                        // printable (unassigned code points included: newer emoji than this JDK knows)
                    }
                }
                i += Character.charCount(codePoint);
            }
            return true;
        }
    }
}
