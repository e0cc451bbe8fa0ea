-- Devolved budgets: the journal's chain, version 3 (PostgreSQL 12 or later).
-- From journal format 4 each row holds the digest of its line (JOURNAL.md, "The chain"): the next line's
-- "previous", read by primary key when the next event is appended, and checked by `budget journal verify`. Rows of
-- earlier formats have none. A snapshot records the digest of the row it ends at, so that a ledger starting from it
-- can tell a journal rewritten since.
-- The store's own queries use two indexes: the primary key (reading in order, the journal's end, the row an append
-- follows) and budget_journal_family (a family's events). The other four served no query of the store's and cost
-- every insert its write-ahead log: they are dropped. An application that queries the table by request,
-- operation, type or time creates the index it needs itself.
-- Safe to run again: every statement is IF [NOT] EXISTS. Flyway: locations=classpath:org/devolvedbudgets/jdbc/migration/postgresql
ALTER TABLE budget_journal ADD COLUMN IF NOT EXISTS digest CHAR(64);
ALTER TABLE budget_snapshot ADD COLUMN IF NOT EXISTS last_digest CHAR(64);
DROP INDEX IF EXISTS budget_journal_request;
DROP INDEX IF EXISTS budget_journal_operation;
DROP INDEX IF EXISTS budget_journal_type;
DROP INDEX IF EXISTS budget_journal_recorded;
