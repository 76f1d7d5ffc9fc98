package dev.frostline.realtime.service;

import dev.frostline.realtime.channel.ChannelAuthorization;
import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.config.RealtimeConfig;
import dev.frostline.realtime.fanout.EventFrameWriter;
import dev.frostline.realtime.fanout.Subscription;
import dev.frostline.realtime.fanout.SubscriptionIndex;
import dev.frostline.realtime.protocol.ClientMessage;
import dev.frostline.realtime.protocol.ControlFrames;
import dev.frostline.realtime.protocol.ErrorCode;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.protocol.ProtocolException;
import dev.frostline.realtime.repository.ProjectionDirectory;
import dev.frostline.realtime.resume.KafkaReplayer;
import dev.frostline.realtime.resume.Replay;
import dev.frostline.realtime.resume.ReplayWindow;
import dev.frostline.realtime.stream.StreamEvent;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Subscribe and unsubscribe, as a client asks for them: authorize the channel, then either join the live
 * stream at once, or (with a lastEventId) buffer the live stream, replay the missed events from Kafka and
 * go live after them. Every outcome is a frame naming the subscription id: an ack, or an error.
 */
@ApplicationScoped
public class SubscribingToChannels {

    private final ChannelAuthorization authorization;
    private final SubscriptionIndex index;
    private final KafkaReplayer replayer;
    private final EventFrameWriter frames;
    private final RealtimeConfig config;

    public SubscribingToChannels(ProjectionDirectory directory, SubscriptionIndex index, KafkaReplayer replayer,
            EventFrameWriter frames, RealtimeConfig config) {
        this.authorization = new ChannelAuthorization(directory);
        this.index = index;
        this.replayer = replayer;
        this.frames = frames;
        this.config = config;
    }

    /** Never blocks: answers come later, as frames, from the database's and the replay's threads. */
    public void subscribe(Subscriber subscriber, ClientMessage.Subscribe request) {
        String id = request.id();
        subscriber.subscriptions().reserve(id, request.channel());
        OrgChannel channel = new OrgChannel(subscriber.client().orgId(), request.channel());
        authorization.mayWatch(channel.orgId(), request.channel()).subscribe().with(
                allowed -> {
                    if (!allowed) {
                        refuse(subscriber, id, null, ErrorCode.CHANNEL_FORBIDDEN,
                                "no such channel in your organization: " + request.channel());
                    } else if (request.lastEventId() == null) {
                        goLive(subscriber, id, channel);
                    } else {
                        resume(subscriber, request, channel);
                    }
                },
                failure -> {
                    Log.warnf("could not authorize channel %s for session %s: %s", request.channel(),
                            subscriber.client().id(), failure.toString());
                    refuse(subscriber, id, null, ErrorCode.UNAVAILABLE, "could not check the channel; try again");
                });
    }

    public void unsubscribe(Subscriber subscriber, ClientMessage.Unsubscribe request) {
        Subscription subscription = subscriber.subscriptions().release(request.id());
        if (subscription != null) {
            index.remove(subscription);
        }
        subscriber.client().offer(ControlFrames.ack(request.id()), 0);
    }

    /** For a closing connection: it leaves every channel. */
    public void unsubscribeAll(Subscriber subscriber) {
        for (Subscription subscription : subscriber.subscriptions().releaseAll()) {
            index.remove(subscription);
        }
    }

    private void goLive(Subscriber subscriber, String id, OrgChannel channel) {
        Subscription subscription = Subscription.live(id, channel, subscriber.client());
        if (!subscriber.subscriptions().fill(id, subscription)) {
            return;
        }
        // The ack is queued before the subscription joins the index, so it precedes the channel's events.
        subscriber.client().offer(ControlFrames.ack(id), 0);
        join(subscriber, subscription);
    }

    /**
     * Adds a filled subscription to the index, unless it was unsubscribed (or its connection closed) between
     * the fill and the add: whoever released it could not remove what was not yet there.
     */
    private void join(Subscriber subscriber, Subscription subscription) {
        index.add(subscription);
        if (!subscriber.subscriptions().holds(subscription.id(), subscription)) {
            index.remove(subscription);
        }
    }

    private void resume(Subscriber subscriber, ClientMessage.Subscribe request, OrgChannel channel) {
        String id = request.id();
        Subscription subscription = Subscription.resuming(id, channel, subscriber.client(),
                config.outboundBufferFrames());
        if (!subscriber.subscriptions().fill(id, subscription)) {
            return;
        }
        // Buffering first, replay end offsets second: the two overlap, so no event falls between them.
        join(subscriber, subscription);
        try {
            BooleanSupplier wanted = () -> subscriber.client().isOpen() && subscriber.subscriptions().holds(id, subscription);
            replayer.replay(channel, request.lastEventId(), wanted,
                    replay -> wanted.getAsBoolean() ? deliverReplay(subscriber, subscription, replay) : null)
                    .exceptionally(failure -> {
                        if (failure.getCause() instanceof KafkaReplayer.ReplayAbandonedException) {
                            // Unsubscribed or disconnected meanwhile: whoever did that answered already.
                            index.remove(subscription);
                        } else {
                            Log.warnf("could not resume %s for session %s: %s", channel.channel(),
                                    subscriber.client().id(), failure.toString());
                            refuse(subscriber, id, subscription, ErrorCode.UNAVAILABLE, "could not resume; try again");
                        }
                        return null;
                    });
        } catch (RejectedExecutionException e) {
            refuse(subscriber, id, subscription, ErrorCode.UNAVAILABLE, "too many resumes at once; try again");
        }
    }

    /** On the replay thread, which may block: the replay is written at the client's pace. */
    private Void deliverReplay(Subscriber subscriber, Subscription subscription, Replay replay) {
        if (replay instanceof Replay.Refused refused) {
            if (refused.refusal() == ReplayWindow.Refusal.TOO_OLD) {
                refuse(subscriber, subscription.id(), subscription, ErrorCode.RESUME_TOO_OLD,
                        "the last event is older than what can be replayed; reload through the REST API, "
                                + "then subscribe without lastEventId");
            } else {
                refuse(subscriber, subscription.id(), subscription, ErrorCode.INVALID_LAST_EVENT_ID,
                        "lastEventId is not an event of " + subscription.channel().channel());
            }
            return null;
        }
        Replay.Replayed replayed = (Replay.Replayed) replay;
        subscriber.client().offer(ControlFrames.ack(subscription.id()), 0);
        Duration patience = config.resume().timeout();
        for (StreamEvent event : replayed.events()) {
            if (!awaitRoom(subscriber, patience)) {
                subscriber.client().disconnectAsSlow();
                return null;
            }
            OutboundFrame frame = frames.write(subscription.channel().channel(), event);
            if (frame != null) {
                subscriber.client().offer(frame, event.timestamp());
            }
        }
        subscription.goLive(replayed.upTo());
        Log.debugf("session %s resumed %s with %d events", subscriber.client().id(),
                subscription.channel().channel(), replayed.events().size());
        return null;
    }

    private static boolean awaitRoom(Subscriber subscriber, Duration patience) {
        try {
            return subscriber.awaitRoom(patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuse(Subscriber subscriber, String id, Subscription subscription, ErrorCode code, String message) {
        if (subscription != null) {
            index.remove(subscription);
        }
        subscriber.subscriptions().releaseIfHeldBy(id, subscription);
        subscriber.client().offer(ControlFrames.error(new ProtocolException(id, code, message)), 0);
    }
}
