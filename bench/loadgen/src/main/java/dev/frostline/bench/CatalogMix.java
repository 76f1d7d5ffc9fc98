package dev.frostline.bench;

import io.vertx.core.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code catalog-mix} command: each client picks an operation by weight in every turn and runs
 * it against catalog-service's API under the target URL (the gateway). Series: one per operation in
 * the mix, {@value #UPDATE_PUT} (the PUT of an update alone) when updates are in it, and
 * {@value #ALL} (every operation once, updates as the GET+PUT pair).
 */
final class CatalogMix implements Workload {

    static final String UPDATE_PUT = "update_put";
    static final String ALL = "all";

    /** What every client of the mix shares: the seeded IDs, the mix and how to ask. */
    record Plan(List<String> siteIds, List<String> unitIds, OperationWeights weights, int listLimit,
            ClientTemplates templates, long requestTimeoutMillis) {

        Plan {
            if (siteIds.isEmpty() && weights.includes(CatalogOperation.LIST)) {
                throw new IllegalArgumentException("the mix lists units of sites, but --sites-file names none");
            }
            if (unitIds.isEmpty() && (weights.includes(CatalogOperation.GET) || weights.includes(CatalogOperation.UPDATE))) {
                throw new IllegalArgumentException("the mix reads or updates units, but --units-file names none");
            }
            if (listLimit < 1 || listLimit > 200) {
                throw new IllegalArgumentException("--list-limit must be 1 to 200 (catalog's page size limits)");
            }
        }
    }

    private final Plan plan;

    CatalogMix(Plan plan) {
        this.plan = plan;
    }

    @Override
    public List<String> series(Target target) {
        List<String> names = new ArrayList<>();
        for (CatalogOperation operation : CatalogOperation.values()) {
            if (plan.weights().includes(operation)) {
                names.add(operation.series);
            }
        }
        if (plan.weights().includes(CatalogOperation.UPDATE)) {
            names.add(UPDATE_PUT);
        }
        names.add(ALL);
        return names;
    }

    @Override
    public Step stepFor(int client, HttpClient http) {
        return new CatalogMixStep(http, plan, plan.templates().headers(client), client);
    }
}
