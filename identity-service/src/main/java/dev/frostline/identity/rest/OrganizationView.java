package dev.frostline.identity.rest;

import dev.frostline.identity.service.ManagingOrganizations.OrgRole;
import java.util.UUID;

/** An organization of the caller, with the caller's role in it. */
public record OrganizationView(UUID id, String name, String role) {

    static OrganizationView of(OrgRole org) {
        return new OrganizationView(org.orgId(), org.name(), org.role().claimValue());
    }
}
