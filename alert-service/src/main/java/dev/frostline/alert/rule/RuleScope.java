package dev.frostline.alert.rule;

import java.util.Objects;
import java.util.UUID;

/**
 * What a rule applies to. {@link #rank()} is the precedence: unit &gt; area &gt; site &gt;
 * org-for-unit-type &gt; org &gt; platform default. Every scope but the platform default names its
 * org, so a rule can never reach another org's unit even if a site or unit ID were reused.
 */
public sealed interface RuleScope {

    /** Higher is more specific and wins. */
    int rank();

    boolean appliesTo(UnitPlacement unit);

    /** For listings: {@code unit}, {@code area}, ... */
    String level();

    /** Frostline's shipped rules for a unit type ({@link DefaultRules}); every org rule overrides them. */
    record PlatformDefault(String unitType) implements RuleScope {
        public PlatformDefault {
            Objects.requireNonNull(unitType, "unitType");
        }

        @Override
        public int rank() {
            return 0;
        }

        @Override
        public boolean appliesTo(UnitPlacement unit) {
            return unitType.equals(unit.unitType());
        }

        @Override
        public String level() {
            return "platform_default";
        }
    }

    record Org(UUID orgId) implements RuleScope {
        public Org {
            Objects.requireNonNull(orgId, "orgId");
        }

        @Override
        public int rank() {
            return 1;
        }

        @Override
        public boolean appliesTo(UnitPlacement unit) {
            return orgId.equals(unit.orgId());
        }

        @Override
        public String level() {
            return "org";
        }
    }

    record OrgUnitType(UUID orgId, String unitType) implements RuleScope {
        public OrgUnitType {
            Objects.requireNonNull(orgId, "orgId");
            if (unitType == null || unitType.isBlank()) {
                throw new InvalidRule("An org rule for a unit type needs the unit type.");
            }
        }

        @Override
        public int rank() {
            return 2;
        }

        @Override
        public boolean appliesTo(UnitPlacement unit) {
            return orgId.equals(unit.orgId()) && unitType.equals(unit.unitType());
        }

        @Override
        public String level() {
            return "org_unit_type";
        }
    }

    record Site(UUID orgId, UUID siteId) implements RuleScope {
        public Site {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(siteId, "siteId");
        }

        @Override
        public int rank() {
            return 3;
        }

        @Override
        public boolean appliesTo(UnitPlacement unit) {
            return orgId.equals(unit.orgId()) && siteId.equals(unit.siteId());
        }

        @Override
        public String level() {
            return "site";
        }
    }

    record Area(UUID orgId, UUID areaId) implements RuleScope {
        public Area {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(areaId, "areaId");
        }

        @Override
        public int rank() {
            return 4;
        }

        @Override
        public boolean appliesTo(UnitPlacement unit) {
            return orgId.equals(unit.orgId()) && areaId.equals(unit.areaId());
        }

        @Override
        public String level() {
            return "area";
        }
    }

    record Unit(UUID orgId, UUID unitId) implements RuleScope {
        public Unit {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(unitId, "unitId");
        }

        @Override
        public int rank() {
            return 5;
        }

        @Override
        public boolean appliesTo(UnitPlacement unit) {
            return orgId.equals(unit.orgId()) && unitId.equals(unit.unitId());
        }

        @Override
        public String level() {
            return "unit";
        }
    }
}
