package dev.frostline.bench;

/** The operations of the catalog mix, each named as its latency series. */
enum CatalogOperation {
    /** GET /api/catalog/units?siteId=...: the units of a random site, one page. */
    LIST("list"),
    /** GET /api/catalog/units/{id} of a random unit. */
    GET("get"),
    /** GET of a random unit for its ETag, then PUT with If-Match: the pair is one operation. */
    UPDATE("update");

    final String series;

    CatalogOperation(String series) {
        this.series = series;
    }

    static CatalogOperation named(String name) {
        for (CatalogOperation operation : values()) {
            if (operation.series.equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation in --mix: " + name + " (list, get, update)");
    }
}
