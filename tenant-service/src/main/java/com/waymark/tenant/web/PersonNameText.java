package com.waymark.tenant.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person's name as Keycloak accepts it: {@link PlainText}, and none of the characters Keycloak's
 * {@code person-name-prohibited-characters} validator refuses in first and last names
 * ({@code < > & " $ % ! # ? § ; * ~ / \ | ^ = [ ] { } ( )}). Checked here so that the caller gets
 * 400 naming the field before anything is written, instead of Keycloak's refusal surfacing as 502.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonNameText.Validator.class)
public @interface PersonNameText {

    String message() default "must be a name without control characters or any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Keycloak's own pattern (PersonNameProhibitedCharactersValidator), vertical tab and controls included. */
    Pattern KEYCLOAK_PERSON_NAME = Pattern.compile("^[^<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]+$");

    class Validator implements ConstraintValidator<PersonNameText, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || PlainText.Validator.isPlain(value) && KEYCLOAK_PERSON_NAME.matcher(value).matches();
        }
    }
}
