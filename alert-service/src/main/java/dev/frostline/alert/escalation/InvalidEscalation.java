package dev.frostline.alert.escalation;

/** Escalation settings that cannot work: a negative interval, or steps that do not widen the audience. */
public class InvalidEscalation extends RuntimeException {
    public InvalidEscalation(String message) {
        super(message, null, false, false);
    }
}
