-- When each command was decided, and when each event it caused occurred: what the query side keeps of a command
-- goes once it is older than the retention (CommandRetention). Rows from before this migration are given its time,
-- and so are kept a whole retention from now. The defaults are dropped at once: every insert gives its time.
ALTER TABLE command_statuses ADD COLUMN decided_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE command_statuses ALTER COLUMN decided_at DROP DEFAULT;
ALTER TABLE caused_events ADD COLUMN occurred_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE caused_events ALTER COLUMN occurred_at DROP DEFAULT;

-- The oldest found without reading the rest.
CREATE INDEX command_statuses_by_age ON command_statuses (decided_at);
CREATE INDEX caused_events_by_age ON caused_events (occurred_at);
