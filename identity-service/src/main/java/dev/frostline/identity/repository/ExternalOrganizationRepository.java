package dev.frostline.identity.repository;

import dev.frostline.identity.external.ExternalOrganization;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ExternalOrganizationRepository
        implements PanacheRepositoryBase<ExternalOrganization, ExternalOrganization.Key> {

    public Uni<ExternalOrganization> findByExternalId(String issuer, String externalOrgId) {
        return find("issuer = ?1 and externalOrgId = ?2", issuer, externalOrgId).firstResult();
    }
}
