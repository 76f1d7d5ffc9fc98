package dev.frostline.identity.rest;

import dev.frostline.identity.service.ManagingOrganizations.OrgRole;
import java.util.UUID;

/** One of the caller's memberships, as /me lists them. */
public record MembershipView(UUID orgId, String orgName, String role) {

    static MembershipView of(OrgRole org) {
        return new MembershipView(org.orgId(), org.name(), org.role().claimValue());
    }
}
