package dev.frostline.catalog.permission;

import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.contracts.Role;
import dev.frostline.support.security.Caller;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one place a catalog permission is decided: every use case calls {@link #require}. */
public final class CatalogPermissions {

    private CatalogPermissions() {
    }

    public static boolean allows(Role role, CatalogOperation operation) {
        return role.atLeast(operation.leastRole());
    }

    /** Throws the 403 problem unless the caller's role allows {@code operation}. */
    public static void require(Caller caller, CatalogOperation operation) {
        caller.require(operation.leastRole());
    }

    /** The operation that creates, changes, deletes or restores an entity of {@code type}. */
    public static CatalogOperation writeOf(EntityType type) {
        return switch (type) {
            case SITE -> CatalogOperation.WRITE_SITES;
            case AREA -> CatalogOperation.WRITE_AREAS;
            case UNIT -> CatalogOperation.WRITE_UNITS;
            case SENSOR -> CatalogOperation.WRITE_SENSORS;
            case GATEWAY -> CatalogOperation.WRITE_GATEWAYS;
        };
    }

    /** The permission table as Markdown, the form the README shows (a test keeps them equal). */
    public static String markdownTable() {
        String header = Stream.concat(Stream.of("Operation"), Stream.of(Role.values()).map(Role::claimValue))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
        String rule = "|---" + "|:---:".repeat(Role.values().length) + "|\n";
        String rows = Stream.of(CatalogOperation.values())
                .map(op -> Stream.concat(Stream.of(op.description()),
                                Stream.of(Role.values()).map(role -> allows(role, op) ? "yes" : "no"))
                        .collect(Collectors.joining(" | ", "| ", " |\n")))
                .collect(Collectors.joining());
        return header + rule + rows;
    }
}
