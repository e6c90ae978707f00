-- Every account's inbox. Text is rendered on read from the kind and its arguments, in the reader's
-- language. One entry per recipient, kind and source: a notice delivered twice lands once.
CREATE SEQUENCE notification_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE notification (
    id                   BIGINT       PRIMARY KEY,
    recipient_account_id BIGINT       NOT NULL,
    kind                 VARCHAR(80)  NOT NULL,
    args                 VARCHAR(2000),
    link                 VARCHAR(300),
    source_type          VARCHAR(60)  NOT NULL,
    source_id            VARCHAR(60)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_once UNIQUE (recipient_account_id, kind, source_type, source_id)
);

CREATE INDEX notification_inbox ON notification (recipient_account_id, created_at);
