package dev.frostline.bench;

import io.vertx.core.Future;

/**
 * What a closed-loop client does once per turn: one request, or one operation made of several. A
 * step records its own outcome in the phase. Its future completes once every response it asked for
 * has been read in full, and fails (after recording the failure) when a response never came.
 */
interface Step {

    Future<Void> run(Phase phase);
}
