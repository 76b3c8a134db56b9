package com.customerlifecycle.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code process_migration} tables: each migration a process owner started, its batches and its instances. */
@Repository
class MigrationRepository {

    private static final int ROWS_PER_STATEMENT_BATCH = 1000;

    record Migration(String id, String processKey, String targetDefinitionId, int targetVersion, String requestedBy,
                     Instant requestedAt, int total, MigrationState state, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    MigrationRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    void insert(Migration migration, List<String> batchIds, List<String> processInstanceIds) {
        jdbc.sql("""
                INSERT INTO process_migration (id, process_key, target_definition_id, target_version, requested_by,
                                               requested_at, total, state, finished_at)
                VALUES (:id, :key, :target, :version, :by, :at, :total, :state, :finished)""")
                .param("id", migration.id())
                .param("key", migration.processKey())
                .param("target", migration.targetDefinitionId())
                .param("version", migration.targetVersion())
                .param("by", migration.requestedBy())
                .param("at", Timestamp.from(migration.requestedAt()))
                .param("total", migration.total())
                .param("state", migration.state().json())
                .param("finished", migration.finishedAt() == null ? null : Timestamp.from(migration.finishedAt()))
                .update();
        for (String batchId : batchIds) {
            jdbc.sql("INSERT INTO process_migration_batch (migration_id, batch_id) VALUES (:id, :batch)")
                    .param("id", migration.id()).param("batch", batchId).update();
        }
        jdbcTemplate.batchUpdate("INSERT INTO process_migration_instance (migration_id, process_instance_id) VALUES (?, ?)",
                processInstanceIds, ROWS_PER_STATEMENT_BATCH, (statement, processInstanceId) -> {
                    statement.setString(1, migration.id());
                    statement.setString(2, processInstanceId);
                });
    }

    Optional<Migration> find(String id) {
        return jdbc.sql("SELECT * FROM process_migration WHERE id = :id").param("id", id)
                .query(MigrationRepository::migration).optional();
    }

    /** Migrations of the process that were still running when last looked at. */
    List<Migration> unfinished(String processKey) {
        return jdbc.sql("SELECT * FROM process_migration WHERE process_key = :key AND state IN (:states)")
                .param("key", processKey)
                .param("states", List.of(MigrationState.RUNNING.json(), MigrationState.SUSPENDED.json()))
                .query(MigrationRepository::migration).list();
    }

    private static Migration migration(ResultSet row, int number) throws SQLException {
        return new Migration(row.getString("id"), row.getString("process_key"), row.getString("target_definition_id"),
                row.getInt("target_version"), row.getString("requested_by"), row.getTimestamp("requested_at").toInstant(),
                row.getInt("total"), MigrationState.of(row.getString("state")),
                row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant());
    }

    List<String> batchIds(String migrationId) {
        return jdbc.sql("SELECT batch_id FROM process_migration_batch WHERE migration_id = :id")
                .param("id", migrationId).query(String.class).list();
    }

    List<String> processInstanceIds(String migrationId) {
        return jdbc.sql("SELECT process_instance_id FROM process_migration_instance WHERE migration_id = :id")
                .param("id", migrationId).query(String.class).list();
    }

    void updateState(String migrationId, MigrationState state) {
        jdbc.sql("UPDATE process_migration SET state = :state WHERE id = :id")
                .param("state", state.json()).param("id", migrationId).update();
    }

    /** The migration ended: its final state, and for each instance that did not move, why. */
    void finish(String migrationId, MigrationState state, Instant at, Map<String, String> failures) {
        jdbc.sql("UPDATE process_migration SET state = :state, finished_at = :at WHERE id = :id")
                .param("state", state.json()).param("at", Timestamp.from(at)).param("id", migrationId).update();
        jdbcTemplate.batchUpdate("""
                UPDATE process_migration_instance SET failure = ? WHERE migration_id = ? AND process_instance_id = ?""",
                new ArrayList<>(failures.entrySet()), ROWS_PER_STATEMENT_BATCH, (statement, failure) -> {
                    statement.setString(1, failure.getValue());
                    statement.setString(2, migrationId);
                    statement.setString(3, failure.getKey());
                });
    }

    /** The instances of a finished migration that did not move, with the reason; ordered by instance id. */
    List<ProcessMigrations.Failure> failures(String migrationId) {
        return jdbc.sql("""
                SELECT process_instance_id, failure FROM process_migration_instance
                WHERE migration_id = :id AND failure IS NOT NULL ORDER BY process_instance_id""")
                .param("id", migrationId)
                .query((row, number) -> new ProcessMigrations.Failure(row.getString("process_instance_id"),
                        row.getString("failure")))
                .list();
    }
}
