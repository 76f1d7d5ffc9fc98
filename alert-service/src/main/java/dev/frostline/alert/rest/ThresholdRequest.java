package dev.frostline.alert.rest;

/** Either bound may be omitted, not both; min &lt; max when both are given. */
public record ThresholdRequest(Double min, Double max) {
}
