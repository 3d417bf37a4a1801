-- Retention finds the oldest records of processed messages by this index, a batch at a time. On a large table,
-- building it here holds back writers while it is built: an operator can build it first, with CREATE INDEX
-- CONCURRENTLY under this name, and this migration then finds it there.
CREATE INDEX IF NOT EXISTS processed_messages_by_age ON processed_messages (processed_at);
