package dev.frostline.alert.notification;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.MemberState;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the notification tests need from outside the package: members as identity publishes them
 * (real Kafka, through the projection), notification requests as the alert engine writes them
 * (rows in notification_requests), and a look at the stored deliveries.
 */
@ApplicationScoped
public class NotificationFixtures {

    /** A member of a test org; {@code email} is unique to the test. */
    public record TestMember(UUID orgId, UUID userId, String email, Role role) {
    }

    private final ObjectMapper mapper;
    private final AgroalDataSource db;
    private final String bootstrap;
    private KafkaProducer<String, String> producer;

    public NotificationFixtures(ObjectMapper mapper, AgroalDataSource db,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.mapper = mapper;
        this.db = db;
        this.bootstrap = bootstrap;
    }

    /** Publishes one member per role (version 1) and waits until the projection has them all. */
    public List<TestMember> members(UUID orgId, Role... roles) {
        List<TestMember> members = new ArrayList<>();
        for (Role role : roles) {
            TestMember member = new TestMember(orgId, UUID.randomUUID(),
                    role.claimValue() + "-" + UUID.randomUUID() + "@notify.test", role);
            publish(new MemberState(orgId, member.userId(), member.email(), role, false, 1, Instant.now()));
            members.add(member);
        }
        awaitProjected(orgId, members.size());
        return members;
    }

    public void publish(MemberState state) {
        send(Topics.IDENTITY_MEMBERS, state.key(), json(state));
    }

    /** Waits until the projection holds {@code count} current (not removed) members of the org. */
    public void awaitProjected(UUID orgId, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> Integer.parseInt(
                column("select count(*)::text from member_projection where org_id = ?::uuid and not removed", orgId)
                        .get(0)) == count);
    }

    /** A request as the alert engine writes it; returns its ID. */
    public UUID request(UUID orgId, UUID alertId, String kind, String severity, Role audience, Map<String, Object> body) {
        UUID id = UUID.randomUUID();
        update("insert into notification_requests (id, org_id, alert_id, site_id, unit_id, kind, severity, audience,"
                        + " subject, body, created_at) values (?::uuid, ?::uuid, ?::uuid, null, ?::uuid, ?, ?, ?, ?, ?::jsonb, now())",
                id, orgId, alertId, UUID.randomUUID(), kind, severity, audience.claimValue(),
                "[" + severity + "] Fridge 3 " + kind, json(body));
        return id;
    }

    /** The first column of every row, as text. Parameters are bound as strings; cast in SQL. */
    public List<String> column(String sql, Object... parameters) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i] == null ? null : parameters[i].toString());
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
