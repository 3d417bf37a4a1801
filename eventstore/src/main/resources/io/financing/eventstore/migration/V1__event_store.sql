-- The event store: streams, their events, snapshots, and the messages consumers have processed.
-- Everything lives in its own schema, migrated by its own Flyway history table, so that an
-- application's own migrations never collide with the library's.

-- One row per stream: the version check of every append is one conditional UPDATE of this row,
-- which also serialises concurrent writers of one stream.
CREATE TABLE streams (
    stream_id   uuid   PRIMARY KEY,
    stream_type text   NOT NULL,
    version     bigint NOT NULL CHECK (version > 0)
) WITH (fillfactor = 50); -- room on each page, so that a version update stays there (HOT) and skips the index

CREATE TABLE events (
    -- Global position: unique and increasing in the order events were written, not committed;
    -- a sequence leaves holes where transactions roll back.
    position       bigint      GENERATED ALWAYS AS IDENTITY,
    -- The writing transaction: readers of all events take only transactions older than every one
    -- still running, so none commits later behind their checkpoint (see OrderedEventReader).
    transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id       uuid        NOT NULL,
    -- No foreign key: the statement that inserts events claims their stream in the same breath, and a
    -- per-row key check would cost appends a fifth of their speed.
    stream_id      uuid        NOT NULL,
    stream_type    text        NOT NULL,
    version        bigint      NOT NULL CHECK (version > 0),
    name           text        NOT NULL,
    data           jsonb       NOT NULL,
    metadata       jsonb       NOT NULL,
    occurred_at    timestamptz NOT NULL,
    -- The order of the all-events feed; position alone is unique too, being from a sequence.
    PRIMARY KEY (transaction_id, position),
    UNIQUE (stream_id, version)
);

CREATE TABLE snapshots (
    stream_id uuid   NOT NULL REFERENCES streams,
    version   bigint NOT NULL CHECK (version > 0),
    type      text   NOT NULL,
    data      jsonb  NOT NULL,
    PRIMARY KEY (stream_id, version)
);

-- What each consumer has processed, recorded in the transaction of its effects: a redelivered
-- message finds its row and has no second effect.
CREATE TABLE processed_messages (
    consumer     text        NOT NULL,
    message_id   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
