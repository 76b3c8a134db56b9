-- One CSM hour per quarter that a tech-touch customer may book.
CREATE TABLE one_to_many_session (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id         VARCHAR(36)   NOT NULL REFERENCES customer (id),
    quarter             VARCHAR(7)    NOT NULL,
    question            VARCHAR(2000) NOT NULL,
    process_instance_id VARCHAR(64),
    booked_at           TIMESTAMP     NOT NULL,
    CONSTRAINT uq_one_to_many_session_quarter UNIQUE (customer_id, quarter)
);

-- Webinars of the one-to-many team and who registered.
CREATE TABLE webinar (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    topic               VARCHAR(200) NOT NULL,
    kind                VARCHAR(10)  NOT NULL,
    starts_at           TIMESTAMP    NOT NULL,
    participant_cap     INTEGER,
    status              VARCHAR(10)  NOT NULL,
    organizer           VARCHAR(64),
    recording_url       VARCHAR(500),
    process_instance_id VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    CONSTRAINT uq_webinar_process UNIQUE (process_instance_id)
);

CREATE TABLE webinar_registration (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    webinar_id    VARCHAR(36)  NOT NULL REFERENCES webinar (id),
    customer_id   VARCHAR(36)  NOT NULL REFERENCES customer (id),
    name          VARCHAR(200) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    registered_at TIMESTAMP    NOT NULL,
    CONSTRAINT uq_webinar_registration_email UNIQUE (webinar_id, email)
);
