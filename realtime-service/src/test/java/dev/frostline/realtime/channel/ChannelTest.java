package dev.frostline.realtime.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTest {

    @Test
    void theOrgWideChannelsHaveNoId() {
        assertThat(Channel.parse("org")).isEqualTo(Channel.ORG);
        assertThat(Channel.parse("alerts")).isEqualTo(Channel.ALERTS);
        assertThat(Channel.parse("catalog")).isEqualTo(Channel.CATALOG);
    }

    @Test
    void siteAndUnitChannelsNameTheirIdAndPrintAsTheyAreParsed() {
        UUID id = UUID.randomUUID();
        assertThat(Channel.parse("site:" + id)).isEqualTo(Channel.site(id));
        assertThat(Channel.parse("unit:" + id)).isEqualTo(Channel.unit(id));
        assertThat(Channel.unit(id)).hasToString("unit:" + id);
        assertThat(Channel.ORG).hasToString("org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ORG", "orgs", "org:", "org:123", "site", "site:", "unit:not-a-uuid", "unit:1-1-1-1-1",
            "unit:3F2504E0-4F89-11D3-9A0C-0305E82C3301", "unit:3f2504e0-4f89-11d3-9a0c-0305e82c3301 ", "sites:x", ":"})
    void anythingElseIsAnInvalidChannel(String name) {
        assertThatThrownBy(() -> Channel.parse(name)).isInstanceOf(InvalidChannelException.class);
    }

    @Test
    void aMissingChannelIsInvalid() {
        assertThatThrownBy(() -> Channel.parse(null)).isInstanceOf(InvalidChannelException.class);
    }
}
