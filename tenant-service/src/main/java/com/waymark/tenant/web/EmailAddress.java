package com.waymark.tenant.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address of printable ASCII (internationalized domains in their {@code xn--} form): Bean
 * Validation's {@code @Email} alone lets through any character above U+007F in the local part —
 * bidirectional overrides, zero-width spaces, lone surrogates — which then reach Keycloak and the
 * membership lists. At most 254 characters. Null is valid.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Email
@Size(max = 254)
@Pattern(regexp = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
public @interface EmailAddress {

    String message() default "must be an e-mail address such as pat@example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
