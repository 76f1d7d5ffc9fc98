package dev.frostline.realtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourceTopic;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMessageParserTest {

    @Test
    void readsTheThreeClientMessages() {
        UUID unit = UUID.randomUUID();
        assertThat(ClientMessageParser.parse("{\"type\":\"ping\"}")).isEqualTo(new ClientMessage.Ping());
        assertThat(ClientMessageParser.parse("{\"type\":\"unsubscribe\",\"id\":\"s1\"}"))
                .isEqualTo(new ClientMessage.Unsubscribe("s1"));
        assertThat(ClientMessageParser.parse("{\"type\":\"subscribe\",\"id\":\"s1\",\"channel\":\"org\"}"))
                .isEqualTo(new ClientMessage.Subscribe("s1", Channel.ORG, null));
        assertThat(ClientMessageParser.parse("{\"type\":\"subscribe\",\"id\":\"s2\",\"channel\":\"unit:" + unit
                + "\",\"lastEventId\":\"r-3-1042\",\"newerField\":true}"))
                .isEqualTo(new ClientMessage.Subscribe("s2", Channel.unit(unit), new EventId(SourceTopic.READINGS, 3, 1042)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                      | malformed-message       |",
            "[1,2]                                                         | malformed-message       |",
            "{\"type\":7}                                                  | malformed-message       |",
            "{\"id\":\"s1\"}                                               | malformed-message       |",
            "{\"type\":\"publish\",\"id\":\"s1\"}                          | unknown-message-type    |",
            "{\"type\":\"subscribe\",\"channel\":\"org\"}                  | invalid-subscription-id |",
            "{\"type\":\"subscribe\",\"id\":\"\",\"channel\":\"org\"}      | invalid-subscription-id |",
            "{\"type\":\"subscribe\",\"id\":5,\"channel\":\"org\"}         | invalid-subscription-id |",
            "{\"type\":\"unsubscribe\"}                                    | invalid-subscription-id |",
            "{\"type\":\"subscribe\",\"id\":\"s1\"}                        | invalid-channel         | s1",
            "{\"type\":\"subscribe\",\"id\":\"s1\",\"channel\":\"nope\"}   | invalid-channel         | s1",
            "{\"type\":\"subscribe\",\"id\":\"s1\",\"channel\":\"unit:x\"} | invalid-channel         | s1",
            "{\"type\":\"subscribe\",\"id\":\"s1\",\"channel\":\"org\",\"lastEventId\":\"x\"} | invalid-last-event-id | s1",
            "{\"type\":\"subscribe\",\"id\":\"s1\",\"channel\":\"org\",\"lastEventId\":12}    | invalid-last-event-id | s1",
    })
    void aBadMessageGetsItsStableCodeAndNamesTheIdWhenItHadOne(String message, String code, String id) {
        assertThatThrownBy(() -> ClientMessageParser.parse(message))
                .isInstanceOfSatisfying(ProtocolException.class, failure -> {
                    assertThat(failure.code().wireName()).isEqualTo(code);
                    assertThat(failure.subscriptionId()).isEqualTo(id);
                });
    }

    @Test
    void anIdLongerThanSixtyFourCharactersIsRefused() {
        String id = "x".repeat(65);
        assertThatThrownBy(() -> ClientMessageParser.parse("{\"type\":\"unsubscribe\",\"id\":\"" + id + "\"}"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_SUBSCRIPTION_ID));
    }
}
