package dev.frostline.realtime.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.protocol.ErrorCode;
import dev.frostline.realtime.protocol.ProtocolException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionSlotsTest {

    private final SubscriptionSlots slots = new SubscriptionSlots(2);
    private final UUID org = UUID.randomUUID();

    @Test
    void anIdCanHoldOnlyOneSubscriptionAndAChannelOnlyOneId() {
        slots.reserve("a", Channel.ORG);

        assertThatThrownBy(() -> slots.reserve("a", Channel.ALERTS)).satisfies(e -> codeIs(e, ErrorCode.DUPLICATE_SUBSCRIPTION_ID));
        assertThatThrownBy(() -> slots.reserve("b", Channel.ORG)).satisfies(e -> codeIs(e, ErrorCode.ALREADY_SUBSCRIBED));
    }

    @Test
    void aConnectionHoldsAtMostTheConfiguredNumberOfSubscriptions() {
        slots.reserve("a", Channel.ORG);
        slots.reserve("b", Channel.ALERTS);

        assertThatThrownBy(() -> slots.reserve("c", Channel.CATALOG)).satisfies(e -> codeIs(e, ErrorCode.TOO_MANY_SUBSCRIPTIONS));
    }

    @Test
    void anUnsubscribeBeforeTheAuthorizationFinishedCancelsTheSubscription() {
        slots.reserve("a", Channel.ORG);

        assertThat(slots.release("a")).isNull();

        assertThat(slots.fill("a", Subscription.live("a", new OrgChannel(org, Channel.ORG), new FakeClient(org)))).isFalse();
        assertThatThrownBy(() -> slots.release("a")).satisfies(e -> codeIs(e, ErrorCode.UNKNOWN_SUBSCRIPTION));
    }

    @Test
    void closingReleasesEveryFilledSubscription() {
        Subscription subscription = Subscription.live("a", new OrgChannel(org, Channel.ORG), new FakeClient(org));
        slots.reserve("a", Channel.ORG);
        slots.fill("a", subscription);
        slots.reserve("b", Channel.ALERTS);

        assertThat(slots.releaseAll()).containsExactly(subscription);
        slots.reserve("a", Channel.ORG);
    }

    private static void codeIs(Throwable failure, ErrorCode code) {
        assertThat(((ProtocolException) failure).code()).isEqualTo(code);
    }
}
