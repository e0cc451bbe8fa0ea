-- Devolved budgets: the journal's chain, version 3 (SQLite 3.35 or later).
-- From journal format 4 each row holds the digest of its line (JOURNAL.md, "The chain"): the next line's
-- "previous", read by primary key when the next event is appended, and checked by `budget journal verify`. Rows of
-- earlier formats have none. A snapshot records the digest of the row it ends at, so that a ledger starting from it
-- can tell a journal rewritten since.
-- The store's own queries use two indexes: the primary key (reading in order, the journal's end, the row an append
-- follows) and budget_journal_family (a family's events). The other four served no query of the store's and cost
-- every insert: they are dropped. An application that queries the table by request, operation, type or time
-- creates the index it needs itself.
-- SQLite cannot add a column only if it is missing, so this script runs once: Flyway runs it once, and
-- JournalSchema.createIfMissing runs it only when the journal has no digest column yet.
-- Flyway: locations=classpath:org/devolvedbudgets/jdbc/migration/sqlite
ALTER TABLE budget_journal ADD COLUMN digest TEXT;
ALTER TABLE budget_snapshot ADD COLUMN last_digest TEXT;
DROP INDEX IF EXISTS budget_journal_request;
DROP INDEX IF EXISTS budget_journal_operation;
DROP INDEX IF EXISTS budget_journal_type;
DROP INDEX IF EXISTS budget_journal_recorded;
