package dev.frostline.bench;

import io.vertx.core.http.HttpClient;
import java.util.List;

/** What the clients of a run do: one step per client, and the latency series a phase against a target reports. */
interface Workload {

    /** @return the names of the series a phase against this target reports, in report order */
    List<String> series(Target target);

    /** @param client the client's index, 0 to concurrency - 1 */
    Step stepFor(int client, HttpClient http);
}
