-- Readers are woken by the writers' EventsStoredNotifier, after their commits, instead of by this
-- trigger: every transaction that notifies takes PostgreSQL's one notification lock until its commit
-- is flushed, so the trigger serialised all commits that stored events (at 16 writers, appends halved).
DROP TRIGGER events_stored ON events;
DROP FUNCTION notify_events_stored();
