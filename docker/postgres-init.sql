-- The two databases of the system: the event store (financing-service, relayer-service) and the
-- query side's read models (query-service).
CREATE DATABASE eventstore;
CREATE DATABASE readmodel;
