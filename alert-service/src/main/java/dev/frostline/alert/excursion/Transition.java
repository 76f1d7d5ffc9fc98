package dev.frostline.alert.excursion;

import java.util.List;

/** The outcome of one input: the state to store and the effects to carry out with it, atomically. */
public record Transition(ExcursionState state, List<ExcursionEffect> effects) {

    public Transition {
        effects = List.copyOf(effects);
    }

    public static Transition unchanged(ExcursionState state) {
        return new Transition(state, List.of());
    }
}
