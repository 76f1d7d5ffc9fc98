package dev.frostline.storage.file;

import java.util.UUID;

/**
 * Where a file's bytes live in the bucket. Keys start with the org, then the unit, so one org's
 * objects can be listed, exported or purged by prefix. No part of a key comes from user input.
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    public static String of(UUID orgId, UUID unitId, UUID fileId) {
        return unitPrefix(orgId, unitId) + fileId;
    }

    public static String unitPrefix(UUID orgId, UUID unitId) {
        return orgId + "/" + unitId + "/";
    }
}
