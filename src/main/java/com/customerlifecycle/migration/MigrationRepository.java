package com.customerlifecycle.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code process_migration} tables: each migration a process owner started and the instances it sent. */
@Repository
class MigrationRepository {

    record Migration(String id, String processKey, String targetDefinitionId, int targetVersion, String requestedBy,
                     Instant requestedAt, int total, List<String> batchIds) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    MigrationRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void insert(Migration migration, List<String> processInstanceIds) {
        jdbc.sql("""
                INSERT INTO process_migration (id, process_key, target_definition_id, target_version, requested_by,
                                               requested_at, total, batch_ids)
                VALUES (:id, :key, :target, :version, :by, :at, :total, :batches)""")
                .param("id", migration.id())
                .param("key", migration.processKey())
                .param("target", migration.targetDefinitionId())
                .param("version", migration.targetVersion())
                .param("by", migration.requestedBy())
                .param("at", Timestamp.from(migration.requestedAt()))
                .param("total", migration.total())
                .param("batches", String.join(",", migration.batchIds()))
                .update();
        batches.batchUpdate("INSERT INTO process_migration_instance (migration_id, process_instance_id) VALUES (?, ?)",
                processInstanceIds, 1000, (statement, processInstanceId) -> {
                    statement.setString(1, migration.id());
                    statement.setString(2, processInstanceId);
                });
    }

    Optional<Migration> find(String id) {
        return jdbc.sql("SELECT * FROM process_migration WHERE id = :id").param("id", id)
                .query((row, number) -> new Migration(row.getString("id"), row.getString("process_key"),
                        row.getString("target_definition_id"), row.getInt("target_version"), row.getString("requested_by"),
                        row.getTimestamp("requested_at").toInstant(), row.getInt("total"),
                        row.getString("batch_ids").isEmpty() ? List.of()
                                : Arrays.asList(row.getString("batch_ids").split(","))))
                .optional();
    }

    List<String> processInstanceIds(String migrationId) {
        return jdbc.sql("SELECT process_instance_id FROM process_migration_instance WHERE migration_id = :id")
                .param("id", migrationId).query(String.class).list();
    }
}
