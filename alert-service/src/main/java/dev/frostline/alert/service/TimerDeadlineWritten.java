package dev.frostline.alert.service;

import java.time.Instant;

/** A committed transaction wrote timer rows; {@code due} is the earliest of them. */
public record TimerDeadlineWritten(Instant due) {
}
