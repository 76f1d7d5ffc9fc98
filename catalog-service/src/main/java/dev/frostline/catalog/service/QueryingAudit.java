package dev.frostline.catalog.service;

import dev.frostline.catalog.audit.AuditQuery;
import dev.frostline.catalog.audit.AuditRecord;
import dev.frostline.catalog.listing.Page;
import dev.frostline.catalog.listing.PageRequest;
import dev.frostline.catalog.permission.CatalogOperation;
import dev.frostline.catalog.permission.CatalogPermissions;
import dev.frostline.catalog.repository.AuditRepository;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the catalog audit log of the caller's organization, newest first; admins only. */
@ApplicationScoped
public class QueryingAudit {

    private final AuditRepository audit;

    public QueryingAudit(AuditRepository audit) {
        this.audit = audit;
    }

    @WithSession
    public Uni<Page<AuditRecord>> page(Caller caller, AuditQuery query, PageRequest request) {
        CatalogPermissions.require(caller, CatalogOperation.READ_AUDIT);
        return audit.page(caller.orgId(), query, request);
    }
}
