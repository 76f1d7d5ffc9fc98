package dev.frostline.catalog.device;

import dev.frostline.catalog.hierarchy.CatalogEntity;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.hierarchy.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A LoRaWAN gateway of a site, known platform-wide by its EUI. */
@Entity
@Table(name = "gateways")
public class Gateway extends CatalogEntity {
    @Column(name = "site_id", nullable = false)
    public UUID siteId;
    @Column(name = "gateway_eui", nullable = false)
    public String gatewayEui;

    public static Gateway registerAt(Site site, String name, String gatewayEui, Instant now) {
        Gateway gateway = new Gateway();
        gateway.initialize(site.orgId, name, now);
        gateway.siteId = site.id;
        gateway.gatewayEui = Eui64.normalize(gatewayEui).orElseThrow(() -> new IllegalArgumentException(
                "gatewayEui '" + gatewayEui + "' must be 16 hex digits (separators - and : are allowed)"));
        return gateway;
    }

    public void update(String newName, Instant now) {
        rename(newName);
        changed(now);
    }

    @Override
    public EntityType entityType() {
        return EntityType.GATEWAY;
    }

    @Override
    public UUID parentId() {
        return siteId;
    }

    @Override
    protected void addSnapshotFields(Map<String, Object> state) {
        state.put("siteId", text(siteId));
        state.put("gatewayEui", gatewayEui);
    }
}
