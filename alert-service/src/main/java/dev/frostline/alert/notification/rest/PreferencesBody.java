package dev.frostline.alert.notification.rest;

import dev.frostline.alert.notification.Channel;
import dev.frostline.alert.notification.NotificationPreferences.Preferences;
import dev.frostline.alert.notification.Severities;
import dev.frostline.support.problem.ProblemException;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The caller's notification preferences, read and written whole.
 *
 * @param channels the channels that reach the caller: ["email"] or [] (webhooks belong to the org)
 * @param minSeverity warning (every notice) or critical
 */
public record PreferencesBody(@NotNull List<String> channels, @NotNull String minSeverity) {

    static PreferencesBody of(Preferences preferences) {
        return new PreferencesBody(preferences.email() ? List.of(Channel.EMAIL.wireName()) : List.of(),
                preferences.minSeverity().wireName());
    }

    Preferences preferences() {
        boolean email = false;
        for (String channel : channels) {
            if (Channel.EMAIL.wireName().equals(channel)) {
                email = true;
            } else if (Channel.WEBHOOK.wireName().equals(channel)) {
                throw ProblemException.validation("channels: webhook is not a personal channel; an admin adds the"
                        + " org's webhook endpoints at /api/alerts/notifications/webhooks");
            } else {
                throw ProblemException.validation("channels may only contain \"email\"; got \"" + channel + "\"");
            }
        }
        return new Preferences(email, Severities.parse("minSeverity", minSeverity));
    }
}
