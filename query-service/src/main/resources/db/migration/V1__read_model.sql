-- The read models. Each row remembers the version of the last event applied to it (idempotency, and
-- detection of a gap), and the global position of the event that created it (the stable order of
-- the lists).

CREATE TABLE issuers (
    id               uuid   PRIMARY KEY,
    created_position bigint NOT NULL UNIQUE,
    version          bigint NOT NULL
);

CREATE TABLE investors (
    id               uuid          PRIMARY KEY,
    created_position bigint        NOT NULL UNIQUE,
    balance          numeric(15,2) NOT NULL CHECK (balance >= 0),
    reserved         numeric(15,2) NOT NULL CHECK (reserved >= 0),
    committed        numeric(15,2) NOT NULL CHECK (committed >= 0),
    version          bigint        NOT NULL
);

CREATE TABLE invoices (
    id                  uuid          PRIMARY KEY,
    created_position    bigint        NOT NULL UNIQUE,
    issuer_id           uuid          NOT NULL,
    asking_price        numeric(15,2) NOT NULL,
    status              text          NOT NULL,
    winning_investor_id uuid,
    winning_amount      numeric(15,2),
    version             bigint        NOT NULL
);

CREATE TABLE command_statuses (
    command_id uuid PRIMARY KEY,
    state      text NOT NULL,
    reason     text NOT NULL,
    -- The ids of the events the command produced, in order, separated by commas.
    event_ids  text NOT NULL
);
