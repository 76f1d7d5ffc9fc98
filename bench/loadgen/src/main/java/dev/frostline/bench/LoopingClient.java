package dev.frostline.bench;

import io.vertx.core.Context;

/**
 * One closed-loop client: it starts its next step only when the previous one has read all its
 * responses, so the offered load follows the server (no coordinated-omission queue builds up in the
 * generator, and the latencies are those a real waiting caller sees).
 */
final class LoopingClient {

    private final Context context;
    private final Step step;

    LoopingClient(Context context, Step step) {
        this.context = context;
        this.step = step;
    }

    /** Loops on this client's own event loop until the phase stops. */
    void runIn(Phase phase) {
        context.runOnContext(ignored -> next(phase));
    }

    private void next(Phase phase) {
        if (phase.stopped()) {
            phase.drainedOne();
            return;
        }
        step.run(phase).onComplete(done -> {
            if (done.failed()) {
                // A failure can complete synchronously; going through the task queue keeps a refused
                // connection from turning this loop into deep recursion.
                context.runOnContext(ignored -> next(phase));
            } else {
                next(phase);
            }
        });
    }
}
