package dev.frostline.alert.threshold;

import dev.frostline.contracts.Metric;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a metric as its wire name, the same word readings and the API use. */
@Converter
public class MetricColumn implements AttributeConverter<Metric, String> {
    @Override
    public String convertToDatabaseColumn(Metric metric) {
        return metric == null ? null : metric.wireName();
    }

    @Override
    public Metric convertToEntityAttribute(String value) {
        return value == null ? null : MetricNames.parse(value);
    }
}
