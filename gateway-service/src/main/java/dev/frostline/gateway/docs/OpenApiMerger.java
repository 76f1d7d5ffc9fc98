package dev.frostline.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one. Paths never collide (each service owns its
 * /api/&lt;area&gt; prefix). Schemas of the same name are kept once when the services agree on them;
 * when they differ, each service's is renamed {@code <service>.<name>} and that service's
 * {@code $ref}s are rewritten to match, so no operation points at another service's schema.
 */
public final class OpenApiMerger {

    static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    public static final String UNAVAILABLE_EXTENSION = "x-frostline-unavailable";
    /** The name Quarkus gives the scheme that services' operations refer to. */
    static final String BEARER_SCHEME = "SecurityScheme";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiMerger() {
    }

    /**
     * @param documents each available service's document, by service name, in display order
     * @param unavailable services whose document could not be had (listed, never fatal)
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable, String version) {
        Map<String, String> clashing = clashingSchemaNames(documents);
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", documents.values().stream().map(doc -> doc.path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.1.0"));
        merged.putObject("info")
                .put("title", "Frostline API")
                .put("version", version)
                .put("description", "All Frostline services behind the gateway. Authenticate with a bearer "
                        + "access token from POST /api/identity/token.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ArrayNode tags = NODES.arrayNode();
        Set<String> tagNames = new HashSet<>();
        ObjectNode components = NODES.objectNode();

        documents.forEach((service, original) -> {
            JsonNode document = renameSchemaRefs(original.deepCopy(), service, clashing.keySet());
            document.path("paths").fields().forEachRemaining(path -> {
                if (!paths.has(path.getKey())) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
            document.path("components").fields().forEachRemaining(section -> {
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().fields().forEachRemaining(component -> {
                    String name = section.getKey().equals("schemas") && clashing.containsKey(component.getKey())
                            ? renamed(service, component.getKey())
                            : component.getKey();
                    if (!target.has(name)) {
                        target.set(name, component.getValue());
                    }
                });
            });
        });
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        ObjectNode schemes = components.has("securitySchemes")
                ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        schemes.putObject(BEARER_SCHEME).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "Access token from POST /api/identity/token");
        merged.set("components", components);
        ArrayNode missing = merged.putArray(UNAVAILABLE_EXTENSION);
        unavailable.forEach(missing::add);
        return merged;
    }

    static String renamed(String service, String schema) {
        return service + "." + schema;
    }

    /** Names defined by two or more services with different content, and who defines them. */
    static Map<String, String> clashingSchemaNames(Map<String, JsonNode> documents) {
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, String> clashing = new LinkedHashMap<>();
        documents.forEach((service, document) -> document.path("components").path("schemas").fields()
                .forEachRemaining(schema -> {
                    JsonNode known = first.putIfAbsent(schema.getKey(), schema.getValue());
                    if (known != null && !known.equals(schema.getValue())) {
                        clashing.put(schema.getKey(), service);
                    }
                }));
        return clashing;
    }

    /** Rewrites every {@code $ref} to one of {@code names} in this service's document (in place). */
    static JsonNode renameSchemaRefs(JsonNode node, String service, Set<String> names) {
        if (names.isEmpty()) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF_PREFIX)) {
                String name = ref.asText().substring(SCHEMA_REF_PREFIX.length());
                if (names.contains(name)) {
                    object.put("$ref", SCHEMA_REF_PREFIX + renamed(service, name));
                }
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext();) {
                renameSchemaRefs(children.next(), service, names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> renameSchemaRefs(child, service, names));
        }
        return node;
    }
}
