package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.MemberState;
import dev.frostline.identity.rest.Invitations.Member;
import dev.frostline.identity.testing.InjectSmtpSink;
import dev.frostline.identity.testing.SmtpSink;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Memberships reach the compacted members topic, through the outbox, on every change. */
@QuarkusTest
class MemberStatePublishingTest {

    @InjectSmtpSink
    SmtpSink smtp;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void joiningRoleChangeAndRemovalArePublishedInVersionOrder() {
        String ownerEmail = uniqueEmail();
        Response signedUp = signUp(ownerEmail);
        String owner = signedUp.path("accessToken");
        String orgId = signedUp.path("orgId");
        String ownerId = signedUp.path("userId");
        Member member = Invitations.join(smtp, owner, "staff");

        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("role", "manager"))
                .put("/api/identity/members/" + member.userId() + "/role").then().statusCode(200);
        given().auth().oauth2(owner).delete("/api/identity/members/" + member.userId()).then().statusCode(204);

        List<MemberState> memberStates = awaitStates(MemberState.key(UUID.fromString(orgId),
                UUID.fromString(member.userId())), 3);
        assertThat(memberStates).extracting(MemberState::version).containsExactly(1L, 2L, 3L);
        assertThat(memberStates).extracting(MemberState::role).containsExactly(Role.STAFF, Role.MANAGER, Role.MANAGER);
        assertThat(memberStates).extracting(MemberState::removed).containsExactly(false, false, true);
        assertThat(memberStates).extracting(MemberState::email).containsOnly(member.email());

        List<MemberState> ownerStates = awaitStates(MemberState.key(UUID.fromString(orgId), UUID.fromString(ownerId)), 1);
        assertThat(ownerStates).singleElement().satisfies(state -> {
            assertThat(state.role()).isEqualTo(Role.OWNER);
            assertThat(state.email()).isEqualTo(ownerEmail);
            assertThat(state.removed()).isFalse();
        });
    }

    /** The records of one key from the start of the topic, once there are at least {@code count}. */
    private List<MemberState> awaitStates(String key, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-members-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<MemberState> states = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.IDENTITY_MEMBERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (states.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        states.add(read(record.value()));
                    }
                }
            }
        }
        return states;
    }

    private MemberState read(String json) {
        try {
            return mapper.readValue(json, MemberState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
