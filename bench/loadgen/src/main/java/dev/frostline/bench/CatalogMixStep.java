package dev.frostline.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client's turn in the {@link CatalogMix}: an operation picked by weight, on a random site or
 * unit. A 412 on an update's PUT (another client updated the unit between our GET and PUT) is a
 * conflict, the outcome If-Match exists for; every other non-2xx or missing response is an error.
 */
final class CatalogMixStep implements Step {

    private static final String UNITS = "/api/catalog/units";

    private final HttpClient http;
    private final CatalogMix.Plan plan;
    private final MultiMap headers;
    private final int client;
    private long updates;

    CatalogMixStep(HttpClient http, CatalogMix.Plan plan, MultiMap headers, int client) {
        this.http = http;
        this.plan = plan;
        this.headers = headers;
        this.client = client;
    }

    @Override
    public Future<Void> run(Phase phase) {
        CatalogOperation operation = plan.weights().pick(ThreadLocalRandom.current());
        String base = phase.target.url();
        long started = System.nanoTime();
        Future<Reply> done = switch (operation) {
            case LIST -> send(HttpMethod.GET, base + UNITS + "?siteId=" + pick(plan.siteIds()) + "&limit="
                    + plan.listLimit(), headers, null);
            case GET -> send(HttpMethod.GET, base + UNITS + "/" + pick(plan.unitIds()), headers, null);
            case UPDATE -> update(phase, base + UNITS + "/" + pick(plan.unitIds()));
        };
        boolean mayConflict = operation == CatalogOperation.UPDATE;
        return done.andThen(outcome -> record(phase, started, outcome, mayConflict, operation.series, CatalogMix.ALL))
                .mapEmpty();
    }

    /** GET for the ETag, then PUT the same unit back with a new description; the PUT is also its own series. */
    private Future<Reply> update(Phase phase, String url) {
        return send(HttpMethod.GET, url, headers, null).compose(read -> {
            if (!read.successful()) {
                return Future.succeededFuture(read);
            }
            if (read.etag() == null) {
                return Future.failedFuture(new ReadWithoutETag());
            }
            MultiMap writeHeaders = MultiMap.caseInsensitiveMultiMap().addAll(headers)
                    .set(HttpHeaders.CONTENT_TYPE, "application/json")
                    .set(HttpHeaders.IF_MATCH, read.etag());
            Buffer body = changed(read.body());
            long putStarted = System.nanoTime();
            return send(HttpMethod.PUT, url, writeHeaders, body)
                    .andThen(outcome -> record(phase, putStarted, outcome, true, CatalogMix.UPDATE_PUT));
        });
    }

    /** The unit as read, with only its description changed: PUT replaces every changeable field. */
    private Buffer changed(Buffer read) {
        JsonObject unit = new JsonObject(read);
        return new JsonObject()
                .put("areaId", unit.getString("areaId"))
                .put("name", unit.getString("name"))
                .put("type", unit.getString("type"))
                .put("description", "bench client " + client + ", update " + ++updates)
                .toBuffer();
    }

    private Future<Reply> send(HttpMethod method, String url, MultiMap requestHeaders, Buffer body) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(url)
                .setHeaders(requestHeaders)
                .setIdleTimeout(plan.requestTimeoutMillis());
        return Reply.send(http, options, body);
    }

    /** @param mayConflict whether a 412 is a conflict (the PUT of an update) rather than an error */
    private static void record(Phase phase, long started, AsyncResult<Reply> outcome, boolean mayConflict,
            String... series) {
        long ended = System.nanoTime();
        for (String name : series) {
            if (outcome.failed()) {
                phase.error(name, outcome.cause().getClass().getSimpleName(), ended);
            } else if (outcome.result().successful()) {
                phase.success(name, started, ended);
            } else if (mayConflict && outcome.result().status() == 412) {
                phase.conflict(name, ended);
            } else {
                phase.error(name, String.valueOf(outcome.result().status()), ended);
            }
        }
    }

    private static String pick(List<String> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    /** A 2xx GET of a unit without an ETag: catalog promises one on every single-entity answer. */
    private static final class ReadWithoutETag extends RuntimeException {
        ReadWithoutETag() {
            super("GET of a unit answered without an ETag", null, false, false);
        }
    }
}
