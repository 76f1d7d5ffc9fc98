package dev.frostline.identity.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * bcrypt on a worker thread: one hash costs tens of milliseconds of CPU, which would stall every
 * other request on the event loop. executeBlocking hands the result back on the caller's context,
 * where Hibernate Reactive expects to continue.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int COST = 10;
    /** Verified against when the email is unknown, so both answers take the same time. */
    private volatile String decoyHash;

    private final Vertx vertx;

    public PasswordHasher(Vertx vertx) {
        this.vertx = vertx;
    }

    /** At startup, on the main thread: hashing on first use would stall an event loop. */
    void computeDecoy(@Observes StartupEvent event) {
        decoyHash = BcryptUtil.bcryptHash("decoy-password-never-valid-" + System.nanoTime(), COST);
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, COST)), false);
    }

    /** {@code storedHash} null means "no such user": the work is done anyway and the answer is false. */
    public Uni<Boolean> matches(String password, String storedHash) {
        String hash = storedHash == null ? decoyHash : storedHash;
        return vertx.executeBlocking(Uni.createFrom().item(() -> verify(password, hash) && storedHash != null), false);
    }

    private static boolean verify(String password, String hash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password.toCharArray());
        } catch (Exception e) {
            return false;
        }
    }
}
