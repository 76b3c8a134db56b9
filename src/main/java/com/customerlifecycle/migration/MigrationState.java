package com.customerlifecycle.migration;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a migration stands: {@code running} while its batches have work left, {@code suspended} while a batch is
 * suspended in Cockpit, then {@code completed} (every sent instance moved) or {@code failed} (some did not; each
 * with the reason).
 */
enum MigrationState {
    RUNNING, SUSPENDED, COMPLETED, FAILED;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MigrationState of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }

    boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }
}
