package dev.frostline.telemetry.service;

import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.security.Caller;
import dev.frostline.telemetry.config.QueryConfig;
import dev.frostline.telemetry.export.CsvLines;
import dev.frostline.telemetry.export.ExportRow;
import dev.frostline.telemetry.export.ExportScope;
import dev.frostline.telemetry.repository.ReadingExportRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** The CSV temperature log of a unit or a site, streamed, for a user of its org. */
@ApplicationScoped
public class ExportingReadings {

    /** An export that has passed the tenancy check; {@code csv} reads the database once subscribed. */
    public record Export(String fileName, Multi<String> csv) {
    }

    private final UnitDirectory units;
    private final ReadingExportRepository exports;
    private final QueryConfig config;

    public ExportingReadings(UnitDirectory units, ReadingExportRepository exports, QueryConfig config) {
        this.units = units;
        this.exports = exports;
        this.config = config;
    }

    /**
     * 404 before anything is streamed when the unit (or every unit of the site) is not live in the
     * caller's org; once the first byte is sent the status can no longer change.
     */
    public Uni<Export> export(Caller caller, ExportScope scope) {
        caller.require(Role.VIEWER);
        Uni<Boolean> known = scope.kind() == ExportScope.Kind.UNIT
                ? Panache.withSession(() -> units.findLiveInOrg(scope.id(), caller.orgId())).map(u -> u != null)
                : Panache.withSession(() -> units.findLiveInSite(scope.id(), caller.orgId())).map(u -> !u.isEmpty());
        return known.map(found -> {
            if (!found) {
                throw ProblemException.notFound(scope.kind() == ExportScope.Kind.UNIT ? "Unit" : "Site", scope.id());
            }
            return new Export(scope.fileName(), csv(caller, scope));
        });
    }

    private Multi<String> csv(Caller caller, ExportScope scope) {
        int chunkRows = config.export().fetchSize();
        return Multi.createFrom().deferred(() -> {
            // Per export: every row of a unit names the same zone, parse it once.
            Map<String, ZoneId> zones = new HashMap<>();
            Multi<String> chunks = exports.stream(caller.orgId(), scope, chunkRows)
                    .map(row -> CsvLines.line(row(row, zones)))
                    .group().intoLists().of(chunkRows)
                    .map(lines -> String.join("", lines));
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(CsvLines.HEADER), chunks);
        });
    }

    private static ExportRow row(Row row, Map<String, ZoneId> zones) {
        ZoneId zone = zones.computeIfAbsent(row.getString("time_zone"), SiteTimeZone::of);
        return new ExportRow(row.getString("site_name"), row.getString("unit_name"), row.getString("metric"),
                row.getDouble("value"), row.getOffsetDateTime("recorded_at").toInstant(), zone);
    }
}
