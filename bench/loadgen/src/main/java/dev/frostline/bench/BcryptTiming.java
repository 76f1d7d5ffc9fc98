package dev.frostline.bench;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;

/**
 * Time of one bcrypt verification on one thread, with the library identity-service uses (Elytron,
 * as Quarkus's BcryptUtil calls it). A login does exactly one verification, so cores divided by this
 * time is the ceiling of logins per second on this machine.
 */
final class BcryptTiming {

    private static final int WARMUP_RUNS = 5;

    private BcryptTiming() {
    }

    /** @return the median milliseconds of one verification */
    static double measure(int cost, int runs) throws Exception {
        PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                WildFlyElytronPasswordProvider.getInstance());
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        new SecureRandom().nextBytes(salt);
        char[] password = "a long enough password".toCharArray();
        Password stored = factory.generatePassword(
                new EncryptablePasswordSpec(password, new IteratedSaltedPasswordAlgorithmSpec(cost, salt)));
        for (int i = 0; i < WARMUP_RUNS; i++) {
            verify(factory, stored, password);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            verify(factory, stored, password);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        double median = runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
        System.out.printf(Locale.ROOT, "bcrypt cost=%d runs=%d median_ms=%.2f min_ms=%.2f max_ms=%.2f%n", cost, runs,
                median, millis[0], millis[runs - 1]);
        return median;
    }

    private static void verify(PasswordFactory factory, Password stored, char[] password) throws Exception {
        if (!factory.verify(stored, password)) {
            throw new IllegalStateException("bcrypt verification failed for the password just hashed");
        }
    }
}
