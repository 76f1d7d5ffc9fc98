package dev.frostline.identity.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the in-JVM SMTP server before the application and points quarkus-mailer at it (plain
 * SMTP on loopback, no TLS). Declared once with global scope, so every @QuarkusTest shares one
 * application start and one server.
 */
public class SmtpSinkResource implements QuarkusTestResourceLifecycleManager {

    private SmtpSink sink;

    @Override
    public Map<String, String> start() {
        sink = new SmtpSink();
        sink.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(sink.port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.from", "Frostline Test <no-reply@frostline.test>");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sink, new TestInjector.AnnotatedAndMatchesType(InjectSmtpSink.class, SmtpSink.class));
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.stop();
        }
    }
}
