-- The transaction that last wrote each stream. An append claims the stream only if that transaction
-- is not younger than its own: readers of all events go by (transaction, position), so a younger
-- transaction's events would otherwise come after the older one's later versions of the stream.
ALTER TABLE streams ADD COLUMN last_transaction_id xid8 NOT NULL DEFAULT '0';
UPDATE streams s SET last_transaction_id = e.last
FROM (SELECT stream_id, max(transaction_id) AS last FROM events GROUP BY stream_id) e
WHERE e.stream_id = s.stream_id;
ALTER TABLE streams ALTER COLUMN last_transaction_id DROP DEFAULT;
