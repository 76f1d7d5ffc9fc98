package dev.frostline.alert.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    private static EscalationStep step(int minutes, Role role) {
        return new EscalationStep(Duration.ofMinutes(minutes), role);
    }

    @Test
    void reNotifyIntervalMustBePositive() {
        assertThatThrownBy(() -> new EscalationPolicy(Role.STAFF, Duration.ZERO, List.of()))
                .isInstanceOf(InvalidEscalation.class).hasMessageContaining("positive duration");
    }

    @Test
    void stepsMustComeAfterOpeningAndInOrderOfTime() {
        assertThatThrownBy(() -> step(0, Role.MANAGER)).isInstanceOf(InvalidEscalation.class)
                .hasMessageContaining("positive time after the alert opened");
        assertThatThrownBy(() -> new EscalationPolicy(Role.STAFF, null,
                List.of(step(60, Role.MANAGER), step(30, Role.ADMIN)))).isInstanceOf(InvalidEscalation.class)
                .hasMessageContaining("in order of time");
    }

    @Test
    void everyStepMustWidenTheAudience() {
        assertThatThrownBy(() -> new EscalationPolicy(Role.MANAGER, null, List.of(step(30, Role.STAFF))))
                .isInstanceOf(InvalidEscalation.class).hasMessageContaining("staff does not come after manager");
        assertThatThrownBy(() -> new EscalationPolicy(Role.STAFF, null,
                List.of(step(30, Role.MANAGER), step(60, Role.MANAGER)))).isInstanceOf(InvalidEscalation.class);
    }

    @Test
    void theAudienceWidensAsEachStepIsReached() {
        EscalationPolicy policy = new EscalationPolicy(Role.STAFF, null,
                List.of(step(30, Role.MANAGER), step(60, Role.ADMIN)));
        assertThat(policy.audienceAfter(Duration.ofMinutes(29))).isEqualTo(Role.STAFF);
        assertThat(policy.audienceAfter(Duration.ofMinutes(30))).isEqualTo(Role.MANAGER);
        assertThat(policy.audienceAfter(Duration.ofMinutes(90))).isEqualTo(Role.ADMIN);
    }
}
