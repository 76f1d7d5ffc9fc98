package dev.frostline.alert.repository;

import dev.frostline.alert.rule.UnitPlacement;

/** A unit as the engine needs it: where it sits (which rules reach it) and its names for notices. */
public record UnitInfo(UnitPlacement placement, String name, String siteName, boolean deleted) {
}
