package dev.frostline.identity.catalog;

/** catalog-service could not say whether a site exists: unreachable, too slow, or a 5xx. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
