package dev.frostline.alert;

import dev.frostline.alert.notification.SmtpServerResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Test resources every @QuarkusTest of alert-service runs with (one application start for them all). */
@WithTestResource(value = SmtpServerResource.class, scope = TestResourceScope.GLOBAL)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
