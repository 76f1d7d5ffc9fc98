package dev.frostline.catalog.hierarchy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a unit type as its wire value, the same word the API and the events carry. */
@Converter
public class UnitTypeColumn implements AttributeConverter<UnitType, String> {
    @Override
    public String convertToDatabaseColumn(UnitType type) {
        return type == null ? null : type.wire();
    }

    @Override
    public UnitType convertToEntityAttribute(String value) {
        return value == null ? null : UnitType.fromWire(value)
                .orElseThrow(() -> new IllegalStateException("unknown unit type in the database: " + value));
    }
}
