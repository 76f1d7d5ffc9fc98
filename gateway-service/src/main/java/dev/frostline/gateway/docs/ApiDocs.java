package dev.frostline.gateway.docs;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.gateway.problem.ProblemReplies;
import dev.frostline.gateway.routing.Area;
import dev.frostline.gateway.routing.RouteTable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API documentation under /api/docs, public: Swagger UI, the merged OpenAPI document of all
 * services ({@code openapi.json}, {@code openapi.yaml}) and each service's own
 * ({@code <service>/openapi.json|yaml}). Swagger UI's files come from smallrye-open-api-ui (the
 * artifact Quarkus' own Swagger UI uses); they are read once at start and served from memory.
 */
@ApplicationScoped
public class ApiDocs {

    static final String SWAGGER_UI_FILES = "META-INF/resources/openapi-ui/";
    static final String OWN_FILES = "api-docs/";
    static final String ALL_SERVICES = "All services";

    private record Asset(Buffer content, String contentType) {
    }

    /** An entry of Swagger UI's document dropdown. */
    record DocumentLink(String name, String url) {
    }

    private final UpstreamOpenApi upstream;
    private final ProblemReplies problems;
    private final ObjectMapper json;
    private final YAMLMapper yaml = new YAMLMapper();
    private final String version;
    private volatile Map<String, Asset> assets = Map.of();

    public ApiDocs(UpstreamOpenApi upstream, ProblemReplies problems, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.upstream = upstream;
        this.problems = problems;
        this.json = json;
        this.version = version;
    }

    /**
     * Quarkus serves every dependency's META-INF/resources as static files, which would publish the
     * Swagger UI jar's own copies (an unconfigured index.html among them) at its paths. The UI lives
     * under /api/docs only.
     */
    void hideStaticCopies(@Observes Router router) {
        for (String path : List.of("/openapi-ui/*", "/template/*")) {
            router.route(path).handler(ctx -> problems.send(ctx, ProblemType.NOT_FOUND,
                    "The API documentation is at " + RouteTable.DOCS_ROOT + "."));
        }
    }

    /** Reads the files at start, off the event loop. */
    void load(@Observes StartupEvent started) {
        Map<String, Asset> assets = new LinkedHashMap<>();
        assets.put("index.html", new Asset(read(OWN_FILES + "index.html"), "text/html; charset=utf-8"));
        String initializer = read(OWN_FILES + "frostline-initializer.js").toString(StandardCharsets.UTF_8)
                .replace("FROSTLINE_DOCUMENTS", documentList());
        assets.put("frostline-initializer.js", new Asset(Buffer.buffer(initializer), "text/javascript; charset=utf-8"));
        assets.put("swagger-ui.css", new Asset(read(SWAGGER_UI_FILES + "swagger-ui.css"), "text/css; charset=utf-8"));
        assets.put("swagger-ui-bundle.js",
                new Asset(read(SWAGGER_UI_FILES + "swagger-ui-bundle.js"), "text/javascript; charset=utf-8"));
        assets.put("swagger-ui-standalone-preset.js",
                new Asset(read(SWAGGER_UI_FILES + "swagger-ui-standalone-preset.js"), "text/javascript; charset=utf-8"));
        assets.put("favicon.ico", new Asset(read(SWAGGER_UI_FILES + "favicon.ico"), "image/x-icon"));
        this.assets = Map.copyOf(assets);
    }

    public void serve(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            problems.send(ctx, ProblemType.METHOD_NOT_ALLOWED, "The API documentation is read-only: use GET.");
            return;
        }
        String path = ctx.request().path();
        String file = path.length() <= RouteTable.DOCS_ROOT.length() + 1
                ? "index.html"
                : path.substring(RouteTable.DOCS_ROOT.length() + 1);
        if (file.equals("openapi.json") || file.equals("openapi.yaml")) {
            merged().onComplete(done -> document(ctx, done.result(), file.endsWith(".yaml")));
            return;
        }
        String[] parts = file.split("/");
        if (parts.length == 2 && (parts[1].equals("openapi.json") || parts[1].equals("openapi.yaml"))) {
            serviceDocument(ctx, parts[0], parts[1].endsWith(".yaml"));
            return;
        }
        Asset asset = assets.get(file);
        if (asset == null) {
            problems.send(ctx, ProblemType.NOT_FOUND, "No API documentation file at " + path + ".");
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, file.equals("index.html") ? "no-cache" : "public, max-age=3600")
                .end(asset.content());
    }

    private void serviceDocument(RoutingContext ctx, String service, boolean asYaml) {
        Optional<Area> area = Arrays.stream(Area.values()).filter(a -> a.displayName().equals(service)).findFirst();
        if (area.isEmpty()) {
            problems.send(ctx, ProblemType.NOT_FOUND, "No Frostline service is called " + service + ".");
            return;
        }
        upstream.of(area.get()).onComplete(done -> {
            if (done.result().isEmpty()) {
                problems.unavailable(ctx, area.get());
                return;
            }
            ObjectNode document = done.result().get().deepCopy();
            document.putArray("servers").addObject().put("url", "/");
            document(ctx, document, asYaml);
        });
    }

    /** Every service's document, those that answer merged, the others listed as unavailable. */
    Future<ObjectNode> merged() {
        List<Future<Optional<JsonNode>>> fetches = new ArrayList<>();
        for (Area area : Area.values()) {
            fetches.add(upstream.of(area));
        }
        return Future.join(fetches).transform(ignored -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < fetches.size(); i++) {
                Optional<JsonNode> document = fetches.get(i).result();
                String name = Area.values()[i].displayName();
                if (document.isPresent()) {
                    documents.put(name, document.get());
                } else {
                    unavailable.add(name);
                }
            }
            return Future.succeededFuture(OpenApiMerger.merge(documents, unavailable, version));
        });
    }

    private void document(RoutingContext ctx, JsonNode document, boolean asYaml) {
        byte[] body;
        try {
            body = asYaml ? yaml.writeValueAsBytes(document) : json.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            problems.send(ctx, ProblemType.INTERNAL, "The API documentation could not be written.");
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asYaml ? "application/yaml" : "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(Buffer.buffer(body));
    }

    /** The Swagger UI dropdown: all services merged, then each service's own document. */
    private String documentList() {
        List<DocumentLink> urls = new ArrayList<>();
        urls.add(new DocumentLink(ALL_SERVICES, RouteTable.DOCS_ROOT + "/openapi.json"));
        for (Area area : Area.values()) {
            urls.add(new DocumentLink(area.displayName(), RouteTable.DOCS_ROOT + "/" + area.displayName() + "/openapi.json"));
        }
        try {
            return json.writeValueAsString(urls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Buffer read(String resource) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway's classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
