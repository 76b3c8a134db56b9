-- Migrations of running process instances to a newer version of their diagram, requested by process owners.
-- The engine moves the instances in Camunda batches; these rows remember what was asked, which batches do the work
-- and which instances were sent. Once nothing runs any more, the outcome is written down (state, and per instance
-- the reason it did not move), so the answer stays the same after the batches, and perhaps the history, are gone.
CREATE TABLE process_migration (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    process_key           VARCHAR(255)  NOT NULL,
    target_definition_id  VARCHAR(64)   NOT NULL,
    target_version        INTEGER       NOT NULL,
    requested_by          VARCHAR(255)  NOT NULL,
    requested_at          TIMESTAMP     NOT NULL,
    total                 INTEGER       NOT NULL,
    state                 VARCHAR(20)   NOT NULL,
    finished_at           TIMESTAMP
);
CREATE INDEX ix_process_migration_key_state ON process_migration (process_key, state);

CREATE TABLE process_migration_batch (
    migration_id          VARCHAR(36)   NOT NULL REFERENCES process_migration (id),
    batch_id              VARCHAR(64)   NOT NULL,
    PRIMARY KEY (migration_id, batch_id)
);

CREATE TABLE process_migration_instance (
    migration_id          VARCHAR(36)   NOT NULL REFERENCES process_migration (id),
    process_instance_id   VARCHAR(64)   NOT NULL,
    -- set when the migration ended without moving this instance: the engine's reason
    failure               VARCHAR(4000),
    PRIMARY KEY (migration_id, process_instance_id)
);
