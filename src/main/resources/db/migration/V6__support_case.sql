-- Support cases from the helpdesk, for a trial lead or a customer.
CREATE TABLE support_case (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    external_ref           VARCHAR(100),
    lead_id                VARCHAR(36)   REFERENCES lead (id),
    customer_id            VARCHAR(36)   REFERENCES customer (id),
    category               VARCHAR(20)   NOT NULL,
    channel                VARCHAR(20)   NOT NULL,
    subject                VARCHAR(200)  NOT NULL,
    description            VARCHAR(4000) NOT NULL,
    tier                   VARCHAR(20)   NOT NULL,
    process_instance_id    VARCHAR(64),
    opened_at              TIMESTAMP     NOT NULL,
    first_response_due_at  TIMESTAMP,
    first_response_at      TIMESTAMP,
    first_response_missed  BOOLEAN       NOT NULL,
    resolved_at            TIMESTAMP,
    line                   INTEGER,
    outcome                VARCHAR(4000),
    product_bug_reference  VARCHAR(100),
    resolution_mailed_at   TIMESTAMP,
    CONSTRAINT uq_support_case_external_ref UNIQUE (external_ref)
);
CREATE INDEX ix_support_case_customer ON support_case (customer_id);
