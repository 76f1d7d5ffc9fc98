package dev.frostline.alert.notification.rest;

import dev.frostline.alert.notification.NotificationPreferences;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Each member's own preferences in their active org; there is no way to read or set another's. */
@Path("/api/alerts/notifications/preferences/me")
@Authenticated
public class PreferencesResource {

    private final NotificationPreferences preferences;
    private final CurrentCaller caller;

    public PreferencesResource(NotificationPreferences preferences, CurrentCaller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Your notification channels and minimum severity (every member)")
    public Uni<PreferencesBody> get() {
        return preferences.of(caller.get()).map(PreferencesBody::of);
    }

    @PUT
    @Operation(summary = "Set your notification channels and minimum severity (every member)")
    public Uni<PreferencesBody> set(@Valid @NotNull PreferencesBody body) {
        return preferences.set(caller.get(), body.preferences()).map(PreferencesBody::of);
    }
}
