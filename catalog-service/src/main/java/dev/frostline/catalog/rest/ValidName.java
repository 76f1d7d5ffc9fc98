package dev.frostline.catalog.rest;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.frostline.catalog.hierarchy.CatalogName;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A required site, area or unit name, checked by the one rule in {@link CatalogName}. */
@Documented
@Constraint(validatedBy = ValidName.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface ValidName {

    String message() default "is required and must be 1 to " + CatalogName.MAX_LENGTH + " characters after trimming";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return CatalogName.isValid(value);
        }
    }
}
