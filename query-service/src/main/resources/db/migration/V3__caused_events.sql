-- Every event each conversation caused: for a command (correlation_id = its id), the events it produced and those
-- the saga produced after them, in the order they were stored (position), projected with the read models in their
-- transaction. calls_for_step: whether a saga step is to follow the event; with causation_id, this tells when the
-- command is settled. The primary key is the lookup by command, in causal order.
CREATE TABLE caused_events (
    correlation_id uuid    NOT NULL,
    position       bigint  NOT NULL,
    event_id       uuid    NOT NULL,
    causation_id   uuid    NOT NULL,
    name           text    NOT NULL,
    aggregate_type text    NOT NULL,
    aggregate_id   uuid    NOT NULL,
    version        bigint  NOT NULL,
    calls_for_step boolean NOT NULL,
    PRIMARY KEY (correlation_id, position)
);
