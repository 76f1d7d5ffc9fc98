package dev.frostline.catalog.rest;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.frostline.catalog.hierarchy.SiteTimeZone;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An optional IANA time zone ID, checked by the one rule in {@link SiteTimeZone}. */
@Documented
@Constraint(validatedBy = KnownTimeZone.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface KnownTimeZone {

    String message() default "must be an IANA time zone ID such as Europe/Berlin or UTC";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownTimeZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return SiteTimeZone.isValid(value);
        }
    }
}
