package dev.frostline.bench;

import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Entry point of the bench load generator; see {@link #USAGE}. */
public final class LoadGen {

    private static final String USAGE = """
            usage:
              loadgen http --target NAME=URL [--target NAME=URL ...] [--method GET] [--header 'Name: value' ...]
                           [--body TEXT] [--vary-file FILE] [--concurrency 100] [--warmup 5] [--duration 10]
                           [--rounds 1] [--event-loops <cores>] [--timeout-ms 30000] [--think-ms 0]
                  Closed loop: --concurrency clients each send a request, read the whole response, send the next.
                  Warm-up against every target, then --rounds rounds measuring each target in turn for --duration s.
                  '{v}' in headers and body is replaced, per client, by line (client index mod lines) of --vary-file.
                  --think-ms: each client pauses that long (a random 50-150 %) between requests, like a user;
                  0 saturates the server. (catalog-mix takes it too.)
                  Prints 'round ...' lines and one 'median ...' line per target (medians over rounds) on stdout:
                  count, rps (2xx responses per second), p50/p90/p99/max latency in microseconds, errors by kind.
              loadgen catalog-mix --base-url URL --sites-file FILE --units-file FILE [--mix list=60,get=35,update=5]
                           [--list-limit 50] [--header 'Name: value' ...] [--vary-file FILE] [--concurrency 100]
                           [--warmup 5] [--duration 10] [--rounds 1] [--event-loops <cores>] [--timeout-ms 30000]
                           [--think-ms 0]
                  Closed loop over catalog's API at URL (the gateway): every turn a client picks an operation by
                  weight: list (GET /api/catalog/units?siteId=<random site>&limit=N), get (GET /api/catalog/units/
                  <random unit>) or update (that GET for the ETag, then PUT with If-Match; a 412 counts as a
                  conflict, not an error). The files hold one ID a line. One line per series: target=list, get,
                  update (the GET+PUT pair), update_put (the PUT alone) and all (every operation once; rps = ops/s).
              loadgen ingest --org-id ID --units-file FILE [--targets frostline,kafka,copy] [--base-url URL]
                           [--api-key-file FILE] [--rates "1000 10000"] [--devices 50] [--batch 100]
                           [--sample-every 50] [--warmup 10] [--duration 20] [--rounds 3] [--drain-timeout 120]
                           [--jdbc-url jdbc:postgresql://127.0.0.1:5432/frostline] [--db-user frostline]
                           [--db-password frostline] [--readings-table telemetry.readings]
                           [--kafka-bootstrap 127.0.0.1:9092] [--kafka-topic frostline.bench.raw-producer]
                           [--kafka-partitions 6] [--copy-rows 10000] [--event-loops <cores>] [--timeout-ms 30000]
                  Open loop: --devices devices POST batches of --batch readings (the units of --units-file, lines
                  'unitId siteId', round robin) to URL/api/telemetry/readings with the key in --api-key-file, each
                  device due every devices x batch / rate s. Every --sample-every'th request is timed from its 202
                  until all its IDs are in --readings-table; after each window the run waits (at most
                  --drain-timeout s) until every accepted reading is stored. Baselines on the same kind of records:
                  kafka (one raw producer, acks=all, idempotent, keyed by unit, to --kafka-topic, recreated with
                  --kafka-partitions and deleted at the end) and copy (COPY of --copy-rows rows a transaction into
                  the unlogged table public.bench_copy_readings, dropped at the end), each flat out. Warm-up (the
                  platform at the highest rate), then --rounds rounds of: every rate, kafka, copy. Lines
                  'round/median target=frostline@RATE ...' (readings/s accepted and persisted, latencies in us) and
                  'round/median target=kafka|copy ...' (rps = records/s; latency per record ack / per COPY).
              loadgen query --target NAME=URL [--target NAME=jdbc:postgresql://...] [--header 'Name: value' ...]
                           [--vary-file FILE] [--sql-file FILE] [--db-user frostline] [--db-password frostline]
                           [--expect-rows N] [--concurrency 4] [--warmup 5] [--duration 10] [--rounds 3]
                           [--event-loops <cores>] [--timeout-ms 30000]
                  The http closed loop (GET), where a target whose URL starts with jdbc: instead runs the SQL in
                  --sql-file (one statement, no parameters) on its own connection per client, reading every row;
                  with --expect-rows, an answer with another number of rows counts as an error. Same output lines.
              loadgen realtime-fanout --targets NAME=ws://HOST:PORT/ws[,NAME=...] --token-file FILE --channels-file FILE
                           --ingest-url URL --api-key-file FILE --units-file FILE [--connections 20000]
                           [--source-addresses 127.0.0.1] [--rate 50] [--readings-per-request 1] [--ingest-warmup 0]
                           [--warmup 10] [--duration 30] [--rounds 2] [--event-loops <cores>]
                  The WebSocket fan-out benchmark (bench/realtime.sh): per target and round, --connections sockets
                  (the token as Authorization, except for the target named baseline) each subscribe to one channel
                  of --channels-file (round robin), spread over --source-addresses (comma-separated local IPs);
                  readings (--readings-per-request in each request, round robin over --units-file lines 'unitId
                  siteId') are posted to --ingest-url at --rate readings per second; latency runs from the 202 of
                  the request that carried a reading to each of its frames. --ingest-warmup seconds of posting
                  at the rate come first, before any socket is open.
                  One 'round target=NAME ...' line per phase. Rounds alternate which target goes first.
              loadgen realtime-baseline-server [--port 18190] [--kafka-bootstrap 127.0.0.1:9092] [--event-loops <cores>]
                  A bare Vert.x WebSocket fan-out of the readings topic (the same frames, no auth), until killed.
              loadgen alert-eval --org-id ID --units-file FILE --kafka-topic TOPIC [--backlog 500000] [--warmup-backlog 100000]
                           [--rounds 3] [--excursion-one-in 50] [--battery-one-in 10] [--timeout 600]
                           [--kafka-bootstrap 127.0.0.1:9092] [--jdbc-url ...] [--db-user frostline] [--db-password frostline]
                           [--positions-table alert.consumer_positions]
                  Evaluation throughput (bench/alerts.sh): per round, --backlog reading.recorded records (the units of
                  --units-file round robin, temperatures in range except 1 in --excursion-one-in, every
                  --battery-one-in'th a battery reading) produced flat out to TOPIC, which one alert-service instance
                  reads; timed until its processed positions in --positions-table cover them all. Baseline on the same
                  offsets: one raw consumer (read_committed) parsing each value's JSON. 'round/median target=producer|
                  alert-service|kafka-consumer ...' lines, rps = records/s.
              loadgen alert-latency --org-id ID --units-file FILE --immediate-units-file FILE --timer-units-file FILE
                           --base-url URL --api-key-file FILE [--timer-duration 10] [--rate 10000] [--trigger-rate 20]
                           [--devices 50] [--batch 100] [--warmup 10] [--duration 30] [--rounds 3]
                           [--kafka-bootstrap 127.0.0.1:9092] [--alerts-topic frostline.alerts.v1] [--jdbc-url ...]
                  Reading-to-alert latency (bench/alerts.sh): the ingest fleet at --rate over --units-file (in range),
                  plus single readings for the immediate units (alternately out of and back in range, --trigger-rate
                  per second) and one out-of-range reading per timer unit per round; alert.opened events matched to
                  them on the alerts topic. 'round/median target=immediate|timer ...' (latencies in us: from the
                  trigger's 202, or from recordedAt + --timer-duration) and the fleet's 'target=frostline@RATE' line.
              loadgen bcrypt [--cost 10] [--runs 15]
                  Median time of one bcrypt verification on one thread (Elytron, as identity-service uses it).
            """;

    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            fail("a command is needed");
        }
        try {
            Arguments arguments = new Arguments(Arrays.asList(args).subList(1, args.length));
            switch (args[0]) {
                case "http" -> http(arguments);
                case "catalog-mix" -> catalogMix(arguments);
                case "ingest" -> ingest(arguments);
                case "query" -> query(arguments);
                case "realtime-fanout" -> realtimeFanout(arguments);
                case "realtime-baseline-server" -> RealtimeBaselineServer.run(arguments.integer("port", 18190),
                        arguments.text("kafka-bootstrap", "127.0.0.1:9092"),
                        arguments.integer("event-loops", Runtime.getRuntime().availableProcessors()));
                case "alert-eval" -> alertEvaluation(arguments);
                case "alert-latency" -> alertLatency(arguments);
                case "bcrypt" -> BcryptTiming.measure(arguments.integer("cost", 10), arguments.integer("runs", 15));
                default -> fail("unknown command: " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    private static void http(Arguments arguments) throws IOException, InterruptedException {
        List<Target> targets = arguments.all("target").stream().map(Target::parse).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one --target is required");
        }
        Workload requests = new FixedRequests(HttpMethod.valueOf(arguments.text("method", "GET")),
                templates(arguments), arguments.text("body", null), arguments.integer("timeout-ms", 30_000));
        new ClosedLoopRun(runSettings(arguments, targets), requests, System.out, System.err).run();
    }

    private static void query(Arguments arguments) throws IOException, InterruptedException {
        List<Target> targets = arguments.all("target").stream().map(Target::parse).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one --target is required");
        }
        String sqlFile = arguments.text("sql-file", null);
        if (sqlFile == null && targets.stream().anyMatch(target -> target.url().startsWith("jdbc:"))) {
            throw new IllegalArgumentException("a jdbc: target needs --sql-file");
        }
        QueryTargets.Sql sql = new QueryTargets.Sql(sqlFile == null ? null : Files.readString(Path.of(sqlFile)).strip(),
                arguments.text("db-user", "frostline"), arguments.text("db-password", "frostline"),
                arguments.integer("expect-rows", 0));
        try (QueryTargets workload = new QueryTargets(templates(arguments), arguments.integer("timeout-ms", 30_000),
                sql)) {
            new ClosedLoopRun(runSettings(arguments, targets), workload, System.out, System.err).run();
        }
    }

    private static void catalogMix(Arguments arguments) throws IOException, InterruptedException {
        CatalogMix.Plan plan = new CatalogMix.Plan(lines(arguments.required("sites-file")),
                lines(arguments.required("units-file")),
                OperationWeights.parse(arguments.text("mix", "list=60,get=35,update=5")),
                arguments.integer("list-limit", 50),
                templates(arguments),
                arguments.integer("timeout-ms", 30_000));
        String baseUrl = arguments.required("base-url").replaceAll("/+$", "");
        List<Target> target = List.of(new Target("catalog", baseUrl));
        new ClosedLoopRun(runSettings(arguments, target), new CatalogMix(plan), System.out, System.err).run();
    }

    private static void ingest(Arguments arguments) throws Exception {
        List<String> targets = List.of(arguments.text("targets", "frostline,kafka,copy").split(","));
        for (String target : targets) {
            if (!List.of("frostline", "kafka", "copy").contains(target)) {
                throw new IllegalArgumentException("--targets names frostline, kafka and copy, got: " + target);
            }
        }
        ReadingRecords records = new ReadingRecords(UUID.fromString(arguments.required("org-id")),
                ReadingRecords.parseUnits(lines(arguments.required("units-file"))));
        ReadingsTable.Database database = new ReadingsTable.Database(
                arguments.text("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/frostline"),
                arguments.text("db-user", "frostline"), arguments.text("db-password", "frostline"),
                arguments.text("readings-table", "telemetry.readings"));
        List<Double> rates = Arrays.stream(arguments.text("rates", "").split("[,\\s]+"))
                .filter(rate -> !rate.isEmpty()).map(Double::valueOf).toList();
        IngestRun.Settings settings = new IngestRun.Settings(targets.contains("frostline") ? rates : List.of(),
                arguments.decimal("warmup", 10), arguments.decimal("duration", 20), arguments.integer("rounds", 3));
        List<Baseline> baselines = new ArrayList<>();
        DeviceFleet fleet = null;
        try {
            if (targets.contains("frostline")) {
                String url = arguments.required("base-url").replaceAll("/+$", "") + "/api/telemetry/readings";
                String apiKey = lines(arguments.required("api-key-file")).get(0);
                fleet = new DeviceFleet(new DeviceFleet.Settings(url, apiKey, arguments.integer("devices", 50),
                        arguments.integer("batch", 100), arguments.integer("sample-every", 50),
                        arguments.decimal("drain-timeout", 120), arguments.integer("timeout-ms", 30_000),
                        arguments.integer("event-loops", Runtime.getRuntime().availableProcessors())),
                        records, database, System.err);
            }
            if (targets.contains("kafka")) {
                baselines.add(new KafkaBaseline(arguments.text("kafka-bootstrap", "127.0.0.1:9092"),
                        arguments.text("kafka-topic", "frostline.bench.raw-producer"),
                        arguments.integer("kafka-partitions", 6), records));
            }
            if (targets.contains("copy")) {
                baselines.add(new CopyBaseline(database, records, arguments.integer("copy-rows", 10_000)));
            }
            new IngestRun(settings, fleet, baselines, System.out, System.err).run();
        } finally {
            for (Baseline baseline : baselines) {
                baseline.close();
            }
            if (fleet != null) {
                fleet.close();
            }
        }
    }

    private static ReadingsTable.Database database(Arguments arguments) {
        return new ReadingsTable.Database(
                arguments.text("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/frostline"),
                arguments.text("db-user", "frostline"), arguments.text("db-password", "frostline"),
                arguments.text("readings-table", "telemetry.readings"));
    }

    private static ReadingRecords readingRecords(Arguments arguments, String unitsFile) throws IOException {
        return new ReadingRecords(UUID.fromString(arguments.required("org-id")),
                ReadingRecords.parseUnits(lines(arguments.required(unitsFile))));
    }

    private static void alertEvaluation(Arguments arguments) throws Exception {
        AlertEvaluationRun.Settings settings = new AlertEvaluationRun.Settings(
                arguments.text("kafka-bootstrap", "127.0.0.1:9092"), arguments.required("kafka-topic"),
                database(arguments), arguments.text("positions-table", "alert.consumer_positions"),
                arguments.integer("backlog", 500_000), arguments.integer("warmup-backlog", 100_000),
                arguments.integer("rounds", 3), arguments.integer("excursion-one-in", 50),
                arguments.integer("battery-one-in", 10), arguments.decimal("timeout", 600));
        if (settings.backlog() < 1 || settings.rounds() < 1 || settings.excursionOneIn() < 1 || settings.batteryOneIn() < 1) {
            throw new IllegalArgumentException("--backlog, --rounds, --excursion-one-in and --battery-one-in must be at least 1");
        }
        new AlertEvaluationRun(settings, readingRecords(arguments, "units-file"), System.out, System.err).run();
    }

    private static void alertLatency(Arguments arguments) throws Exception {
        ReadingRecords background = readingRecords(arguments, "units-file");
        String url = arguments.required("base-url").replaceAll("/+$", "") + "/api/telemetry/readings";
        String apiKey = lines(arguments.required("api-key-file")).get(0);
        AlertLatencyRun.Settings settings = new AlertLatencyRun.Settings(url, apiKey,
                readingRecords(arguments, "immediate-units-file").units(),
                readingRecords(arguments, "timer-units-file").units(),
                arguments.integer("timer-duration", 10), arguments.decimal("rate", 10_000),
                arguments.decimal("trigger-rate", 20), arguments.decimal("warmup", 10),
                arguments.decimal("duration", 30), arguments.integer("rounds", 3),
                arguments.text("kafka-bootstrap", "127.0.0.1:9092"),
                arguments.text("alerts-topic", "frostline.alerts.v1"));
        // Readings are timed into PostgreSQL rarely here: the fleet is background load, not the measure.
        try (DeviceFleet fleet = new DeviceFleet(new DeviceFleet.Settings(url, apiKey, arguments.integer("devices", 50),
                arguments.integer("batch", 100), arguments.integer("sample-every", 1000),
                arguments.decimal("drain-timeout", 120), arguments.integer("timeout-ms", 30_000),
                arguments.integer("event-loops", Runtime.getRuntime().availableProcessors())),
                background, database(arguments), System.err);
                AlertLatencyRun run = new AlertLatencyRun(settings, fleet, System.out, System.err)) {
            run.run();
        }
    }

    private static void realtimeFanout(Arguments arguments) throws IOException, InterruptedException {
        Map<String, URI> targets = new LinkedHashMap<>();
        for (String target : arguments.required("targets").split(",")) {
            Target parsed = Target.parse(target);
            targets.put(parsed.name(), URI.create(parsed.url()));
        }
        List<String[]> units = lines(arguments.required("units-file")).stream().map(line -> line.split("\\s+")).toList();
        new RealtimeFanoutRun(new RealtimeFanoutRun.Settings(targets,
                lines(arguments.required("token-file")).get(0),
                lines(arguments.required("channels-file")),
                arguments.integer("connections", 20_000),
                List.of(arguments.text("source-addresses", "127.0.0.1").split(",")),
                arguments.required("ingest-url"),
                lines(arguments.required("api-key-file")).get(0),
                units,
                arguments.decimal("rate", 50),
                arguments.integer("readings-per-request", 1),
                arguments.decimal("ingest-warmup", 0),
                arguments.decimal("warmup", 10),
                arguments.decimal("duration", 30),
                arguments.integer("rounds", 2),
                arguments.integer("event-loops", Runtime.getRuntime().availableProcessors())),
                System.out, System.err).run();
    }

    /** The options every closed-loop command takes. */
    private static ClosedLoopRun.Settings runSettings(Arguments arguments, List<Target> targets) {
        int concurrency = arguments.integer("concurrency", 100);
        int rounds = arguments.integer("rounds", 1);
        if (concurrency < 1 || rounds < 1) {
            throw new IllegalArgumentException("--concurrency and --rounds must be at least 1");
        }
        return new ClosedLoopRun.Settings(targets, concurrency,
                arguments.decimal("warmup", 5),
                arguments.decimal("duration", 10),
                rounds,
                arguments.integer("event-loops", Runtime.getRuntime().availableProcessors()),
                arguments.integer("think-ms", 0));
    }

    private static ClientTemplates templates(Arguments arguments) throws IOException {
        String varyFile = arguments.text("vary-file", null);
        return new ClientTemplates(arguments.all("header"), varyFile == null ? List.of() : lines(varyFile));
    }

    /** The non-blank lines of a file. */
    static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static void fail(String message) {
        System.err.println("loadgen: " + message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
