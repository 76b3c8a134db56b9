-- Migrations of running process instances to a newer version of their diagram, requested by process owners.
-- The engine moves the instances in Camunda batches; these rows remember what was asked and which instances were
-- sent, so that the outcome (migrated, failed) can be told instance by instance long after the batches are gone.
CREATE TABLE process_migration (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    process_key           VARCHAR(255)  NOT NULL,
    target_definition_id  VARCHAR(64)   NOT NULL,
    target_version        INTEGER       NOT NULL,
    requested_by          VARCHAR(255)  NOT NULL,
    requested_at          TIMESTAMP     NOT NULL,
    total                 INTEGER       NOT NULL,
    batch_ids             VARCHAR(4000) NOT NULL
);

CREATE TABLE process_migration_instance (
    migration_id          VARCHAR(36)   NOT NULL REFERENCES process_migration (id),
    process_instance_id   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (migration_id, process_instance_id)
);
