package dev.frostline.identity.rest;

import java.util.List;

/** @param nextCursor pass as {@code before} for the next (older) page; null when there is none */
public record AuditPageResponse(List<AuditEventView> items, String nextCursor) {
}
