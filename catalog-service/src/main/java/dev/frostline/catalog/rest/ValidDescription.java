package dev.frostline.catalog.rest;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.frostline.catalog.hierarchy.UnitDescription;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An optional unit description, checked by the one rule in {@link UnitDescription}. */
@Documented
@Constraint(validatedBy = ValidDescription.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface ValidDescription {

    String message() default "must be at most " + UnitDescription.MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDescription, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return UnitDescription.isValid(value);
        }
    }
}
