-- Renewal cycles: one per contract end date; how each ended.
CREATE TABLE renewal (
    process_instance_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    customer_id         VARCHAR(36)    NOT NULL REFERENCES customer (id),
    contract_id         VARCHAR(36)    NOT NULL REFERENCES contract (id),
    contract_end_date   DATE           NOT NULL,
    annual_value        DECIMAL(14, 2) NOT NULL,
    outcome             VARCHAR(20),
    term_years          INTEGER,
    discount_percent    INTEGER,
    new_annual_value    DECIMAL(14, 2),
    new_contract_id     VARCHAR(36),
    churn_reason        VARCHAR(1000),
    decided_by          VARCHAR(64),
    decided_at          TIMESTAMP,
    started_at          TIMESTAMP      NOT NULL
);
CREATE INDEX ix_renewal_end_date ON renewal (contract_end_date);
