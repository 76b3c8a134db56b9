-- Opportunities the account executives work (sales-opportunity process), one per qualified lead.
CREATE TABLE opportunity (
    lead_id           VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES lead (id),
    outcome           VARCHAR(10)   NOT NULL,
    loss_reason       VARCHAR(1000),
    closed_by         VARCHAR(64),
    customer_id       VARCHAR(36),
    closed_at         TIMESTAMP     NOT NULL
);

-- Paying customers, from the won deal on.
CREATE TABLE customer (
    id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
    lead_id                  VARCHAR(36)  NOT NULL REFERENCES lead (id),
    company                  VARCHAR(200) NOT NULL,
    subscription_owner_name  VARCHAR(200) NOT NULL,
    subscription_owner_email VARCHAR(254) NOT NULL,
    strategic_account        BOOLEAN      NOT NULL,
    account_manager          VARCHAR(64),
    touch_tier               VARCHAR(20),
    status                   VARCHAR(20)  NOT NULL,
    created_at               TIMESTAMP    NOT NULL,
    updated_at               TIMESTAMP    NOT NULL,
    -- A retried "create customer" step finds the customer it created before.
    CONSTRAINT uq_customer_lead UNIQUE (lead_id)
);

-- Contract versions: the first comes from the won deal; renewals and expansions add versions.
CREATE TABLE contract (
    id                       VARCHAR(36)    NOT NULL PRIMARY KEY,
    customer_id              VARCHAR(36)    NOT NULL REFERENCES customer (id),
    version                  INTEGER        NOT NULL,
    plan                     VARCHAR(20)    NOT NULL,
    seats                    INTEGER        NOT NULL,
    annual_value             DECIMAL(14, 2) NOT NULL,
    term_years               INTEGER        NOT NULL,
    start_date               DATE           NOT NULL,
    end_date                 DATE           NOT NULL,
    implementation_purchased BOOLEAN        NOT NULL,
    status                   VARCHAR(20)    NOT NULL,
    created_at               TIMESTAMP      NOT NULL,
    CONSTRAINT uq_contract_version UNIQUE (customer_id, version)
);

-- E-mails sent to customers, one per customer and step: a retried job does not send twice.
CREATE TABLE customer_mail (
    customer_id VARCHAR(36)  NOT NULL REFERENCES customer (id),
    step        VARCHAR(64)  NOT NULL,
    recipient   VARCHAR(254) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    sent_at     TIMESTAMP    NOT NULL,
    PRIMARY KEY (customer_id, step)
);
