package dev.frostline.alert.alert;

import java.util.Arrays;
import java.util.Optional;

public enum AlertStatus {
    OPEN("open"),
    RESOLVED("resolved");

    private final String wireName;

    AlertStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AlertStatus> find(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
