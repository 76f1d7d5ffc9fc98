package dev.frostline.alert.rule;

import java.util.Locale;

public enum Severity {
    WARNING, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
