-- Trial leads worked by the SDRs (lead-qualification process).
CREATE TABLE lead (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    company             VARCHAR(200) NOT NULL,
    contact_name        VARCHAR(200) NOT NULL,
    email               VARCHAR(254) NOT NULL,
    -- Set while the trial is open, cleared when it ends: one open trial per e-mail address.
    open_trial_email    VARCHAR(254),
    phone               VARCHAR(40),
    employees           INTEGER,
    trial_ends_at       TIMESTAMP    NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    status_reason       VARCHAR(1000),
    qualified_by        VARCHAR(64),
    contact_overdue_at  TIMESTAMP,
    created_at          TIMESTAMP    NOT NULL,
    updated_at          TIMESTAMP    NOT NULL,
    CONSTRAINT uq_lead_open_trial_email UNIQUE (open_trial_email)
);

CREATE INDEX ix_lead_email ON lead (email);

-- Every call an SDR made (KPI: calls made per SDR).
CREATE TABLE lead_contact_attempt (
    lead_id      VARCHAR(36)  NOT NULL REFERENCES lead (id),
    attempt      INTEGER      NOT NULL,
    outcome      VARCHAR(20)  NOT NULL,
    contacted_by VARCHAR(64),
    notes        VARCHAR(2000),
    contacted_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (lead_id, attempt)
);
