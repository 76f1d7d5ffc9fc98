package dev.frostline.alert.repository;

/**
 * Another transaction wrote states that this one read without locking them, between its read and its
 * write. Its transaction must roll back; the caller runs it again with the states locked.
 */
public final class StaleStates extends RuntimeException {

    public StaleStates(int rows) {
        super(rows + " excursion state(s) changed since they were read", null, false, false);
    }
}
