package dev.frostline.alert.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * The text of a notification email: the request's subject, then the fields of its body (the JSON a
 * webhook receives) one per line. The body's shape belongs to the alert engine; this shows whatever
 * it holds, so a new field appears in mails without a change here.
 */
public final class AlertMail {

    private AlertMail() {
    }

    public static String text(ObjectMapper mapper, String subject, String body) {
        StringBuilder text = new StringBuilder(subject).append("\n\n");
        try {
            JsonNode json = mapper.readTree(body);
            if (json != null && json.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode value = field.getValue();
                    if (!value.isNull()) {
                        text.append(field.getKey()).append(": ")
                                .append(value.isValueNode() ? value.asText() : value.toString()).append('\n');
                    }
                }
            } else {
                text.append(body).append('\n');
            }
        } catch (JsonProcessingException e) {
            text.append(body).append('\n');
        }
        return text.append("\nYou receive this because of your Frostline notification preferences.\n").toString();
    }
}
