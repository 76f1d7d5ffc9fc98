package dev.frostline.identity.account;

import dev.frostline.contracts.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role as its claim value, the same lower-case word the tokens carry. */
@Converter
public class RoleColumn implements AttributeConverter<Role, String> {
    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.claimValue();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.fromClaim(value);
    }
}
