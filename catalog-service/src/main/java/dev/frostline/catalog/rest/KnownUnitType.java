package dev.frostline.catalog.rest;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.frostline.catalog.hierarchy.UnitType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A required unit type in its wire form; the message lists the accepted values from {@link UnitType}. */
@Documented
@Constraint(validatedBy = KnownUnitType.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface KnownUnitType {

    String message() default "is required and must be a known unit type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownUnitType, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (UnitType.fromWire(value).isPresent()) {
                return true;
            }
            // The template holds only the fixed list, never the caller's value (no EL injection).
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "is required and must be one of " + String.join(", ", UnitType.WIRE_VALUES))
                    .addConstraintViolation();
            return false;
        }
    }
}
