package dev.frostline.catalog.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    @Test
    void changedFieldsAreTheFieldsWhoseValuesDiffer() {
        AuditRecord record = new AuditRecord();
        Map<String, Object> before = new HashMap<>(Map.of("name", "A", "version", 1, "latitude", 45.0));
        before.put("deletedAt", null);
        Map<String, Object> after = new HashMap<>(Map.of("name", "B", "version", 2L, "latitude", 45));
        after.put("deletedAt", "2025-01-01T00:00:00Z");
        record.before = before;
        record.after = after;
        assertThat(record.changedFields()).containsExactly("deletedAt", "name", "version");
    }

    @Test
    void aCreationChangesEveryFieldItSets() {
        AuditRecord record = new AuditRecord();
        record.after = Map.of("name", "A", "version", 1);
        assertThat(record.changedFields()).containsExactly("name", "version");
    }
}
