-- What readers of all events need to follow the store: where each one is, and a wake-up call.

-- The last event each named reader has handled, saved by the reader when it is done with it.
CREATE TABLE checkpoints (
    name           text   PRIMARY KEY,
    transaction_id bigint NOT NULL,
    position       bigint NOT NULL
);

-- Every statement that stores events notifies the channel when its transaction commits, so that a
-- reader waiting on it wakes at once instead of at its next poll. Notifications of one transaction
-- are folded into one.
CREATE FUNCTION notify_events_stored() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('eventstore_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER events_stored AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_stored();
