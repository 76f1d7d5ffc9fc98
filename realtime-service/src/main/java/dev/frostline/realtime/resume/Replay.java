package dev.frostline.realtime.resume;

import dev.frostline.realtime.stream.StreamEvent;
import java.util.List;

/** What a resume found: the missed events of the channel, in replay order, or why it cannot resume. */
public sealed interface Replay {

    record Refused(ReplayWindow.Refusal refusal) implements Replay {
    }

    /** @param upTo where the replay stopped on each partition; live events from there on are new */
    record Replayed(List<StreamEvent> events, ReplayedUpTo upTo) implements Replay {
        public Replayed {
            events = List.copyOf(events);
        }
    }
}
