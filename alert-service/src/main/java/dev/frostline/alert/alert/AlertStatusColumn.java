package dev.frostline.alert.alert;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status as its wire name; the partial unique index on open alerts matches 'open'. */
@Converter
public class AlertStatusColumn implements AttributeConverter<AlertStatus, String> {
    @Override
    public String convertToDatabaseColumn(AlertStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public AlertStatus convertToEntityAttribute(String value) {
        return value == null ? null : AlertStatus.find(value)
                .orElseThrow(() -> new IllegalStateException("unknown alert status in the database: " + value));
    }
}
