package dev.frostline.identity.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Test resources every @QuarkusTest of identity runs with (one application start for them all). */
@WithTestResource(value = SmtpSinkResource.class, scope = TestResourceScope.GLOBAL)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
