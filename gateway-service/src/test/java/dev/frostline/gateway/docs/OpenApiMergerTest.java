package dev.frostline.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode document(String path, String schemaName, JsonNode schema) {
        ObjectNode doc = JSON.createObjectNode().put("openapi", "3.1.0");
        doc.putObject("paths").putObject(path).putObject("get").putObject("responses").putObject("200")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + schemaName);
        doc.putObject("components").putObject("schemas").set(schemaName, schema);
        return doc;
    }

    static JsonNode schemaWith(String property) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject(property).put("type", "string");
        return schema;
    }

    static String refOf(JsonNode merged, String path) {
        return merged.path("paths").path(path).path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asText();
    }

    @Test
    void pathsOfAllServicesAreMerged() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("catalog", document("/api/catalog/sites", "Site", schemaWith("name")));
        docs.put("alert", document("/api/alerts/rules", "Rule", schemaWith("limit")));

        ObjectNode merged = OpenApiMerger.merge(docs, List.of(), "1");

        assertThat(merged.path("paths").fieldNames()).toIterable().containsExactly("/api/catalog/sites", "/api/alerts/rules");
        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable().containsExactly("Site", "Rule");
        assertThat(refOf(merged, "/api/catalog/sites")).isEqualTo("#/components/schemas/Site");
        assertThat(merged.path("info").path("title").asText()).isEqualTo("Frostline API");
        assertThat(merged.path("components").path("securitySchemes").path("SecurityScheme").path("scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void sameNameWithDifferentSchemasIsPrefixedPerServiceAndRefsFollow() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("catalog", document("/api/catalog/things", "Thing", schemaWith("site")));
        docs.put("alert", document("/api/alerts/things", "Thing", schemaWith("limit")));

        ObjectNode merged = OpenApiMerger.merge(docs, List.of(), "1");

        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable()
                .containsExactly("catalog.Thing", "alert.Thing");
        assertThat(refOf(merged, "/api/catalog/things")).isEqualTo("#/components/schemas/catalog.Thing");
        assertThat(refOf(merged, "/api/alerts/things")).isEqualTo("#/components/schemas/alert.Thing");
        assertThat(merged.path("components").path("schemas").path("alert.Thing").path("properties").has("limit")).isTrue();
    }

    @Test
    void sameNameWithTheSameSchemaIsKeptOnce() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("catalog", document("/api/catalog/x", "Problem", schemaWith("type")));
        docs.put("alert", document("/api/alerts/x", "Problem", schemaWith("type")));

        ObjectNode merged = OpenApiMerger.merge(docs, List.of(), "1");

        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable().containsExactly("Problem");
        assertThat(refOf(merged, "/api/alerts/x")).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void unavailableServicesAreListedAndTheRestStillMerged() {
        ObjectNode merged = OpenApiMerger.merge(
                Map.of("catalog", document("/api/catalog/sites", "Site", schemaWith("name"))),
                List.of("alert", "storage"), "1");

        assertThat(merged.path(OpenApiMerger.UNAVAILABLE_EXTENSION)).extracting(JsonNode::asText)
                .containsExactly("alert", "storage");
        assertThat(merged.path("paths").has("/api/catalog/sites")).isTrue();
    }

    @Test
    void sourceDocumentsAreLeftUntouched() {
        JsonNode catalog = document("/api/catalog/things", "Thing", schemaWith("site"));
        JsonNode before = catalog.deepCopy();
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("catalog", catalog);
        docs.put("alert", document("/api/alerts/things", "Thing", schemaWith("limit")));
        OpenApiMerger.merge(docs, List.of(), "1");
        assertThat(catalog).isEqualTo(before);
    }
}
