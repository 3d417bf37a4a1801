-- Who issued each command (the caller its token named), who alone, with the operators, may read its status.
-- Statuses stored before were issued while nobody was known: as by anyone, readable by operators only.
ALTER TABLE command_statuses
    ADD COLUMN issued_by_role    text NOT NULL DEFAULT 'operator',
    ADD COLUMN issued_by_subject text NOT NULL DEFAULT 'anyone (authentication off)';
