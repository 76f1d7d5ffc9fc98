package dev.frostline.catalog.device;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * Stores a sensor's metrics as comma-separated wire names. Not jsonb: Hibernate Reactive decodes
 * every jsonb value as a JSON object and fails on an array.
 */
@Converter
public class MetricsColumn implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToDatabaseColumn(List<String> metrics) {
        return metrics == null ? null : String.join(",", metrics);
    }

    @Override
    public List<String> convertToEntityAttribute(String value) {
        return value == null ? null : Arrays.asList(value.split(","));
    }
}
