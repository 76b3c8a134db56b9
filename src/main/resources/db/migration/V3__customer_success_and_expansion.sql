-- Customer success: the customer's personal CSM and latest health.
ALTER TABLE customer ADD COLUMN csm VARCHAR(64);
ALTER TABLE customer ADD COLUMN health_score INTEGER;
ALTER TABLE customer ADD COLUMN health_band VARCHAR(10);

-- Every CSM check-in: health, hours used (low-touch budget), expansion spotted.
CREATE TABLE check_in (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id           VARCHAR(36)   NOT NULL REFERENCES customer (id),
    csm                   VARCHAR(64),
    quarter               VARCHAR(7)    NOT NULL,
    health_score          INTEGER       NOT NULL,
    health_band           VARCHAR(10)   NOT NULL,
    hours_used            DECIMAL(6, 2),
    notes                 VARCHAR(4000) NOT NULL,
    expansion_opportunity BOOLEAN       NOT NULL,
    held_at               TIMESTAMP     NOT NULL
);
CREATE INDEX ix_check_in_customer_quarter ON check_in (customer_id, quarter);

-- Expansion opportunities worked by the AM; one open per customer.
CREATE TABLE expansion (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id         VARCHAR(36)   NOT NULL REFERENCES customer (id),
    -- Set while open, cleared when closed: at most one open expansion per customer.
    open_customer_id    VARCHAR(36),
    reasons             VARCHAR(4000) NOT NULL,
    seats_requested     INTEGER,
    status              VARCHAR(10)   NOT NULL,
    process_instance_id VARCHAR(64),
    outcome_notes       VARCHAR(1000),
    closed_by           VARCHAR(64),
    opened_at           TIMESTAMP     NOT NULL,
    closed_at           TIMESTAMP,
    CONSTRAINT uq_expansion_open_customer UNIQUE (open_customer_id)
);

-- Contract versions record who changed what, and the change they came from (idempotent re-runs).
ALTER TABLE contract ADD COLUMN changed_by VARCHAR(64);
ALTER TABLE contract ADD COLUMN change_summary VARCHAR(1000);
ALTER TABLE contract ADD COLUMN change_ref VARCHAR(64);
ALTER TABLE contract ADD CONSTRAINT uq_contract_change_ref UNIQUE (change_ref);
