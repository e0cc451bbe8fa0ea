-- Devolved budgets: the journal, version 1 (SQLite 3.35 or later).
-- One row per ledger event, in the journal format of budget-json (JOURNAL.md), numbered per scheme from 1
-- without gaps. The primary key on (scheme_id, sequence) is what makes two writers' appends conflict instead
-- of interleaving. Rows are only ever inserted: never updated, never deleted. Times are ISO-8601 UTC text.
-- Safe to run again: every statement is IF NOT EXISTS. Flyway: locations=classpath:org/devolvedbudgets/jdbc/migration/sqlite
CREATE TABLE IF NOT EXISTS budget_journal (
  scheme_id    TEXT     NOT NULL,
  sequence     INTEGER  NOT NULL CHECK (sequence >= 1),
  type         TEXT     NOT NULL,
  family_id    TEXT     NOT NULL,
  request_id   TEXT,
  operation_id TEXT,
  recorded_at  TEXT     NOT NULL,
  format       INTEGER  NOT NULL,
  event        TEXT     NOT NULL,
  PRIMARY KEY (scheme_id, sequence)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS budget_journal_family ON budget_journal (scheme_id, family_id, sequence);
CREATE INDEX IF NOT EXISTS budget_journal_request ON budget_journal (scheme_id, request_id);
CREATE INDEX IF NOT EXISTS budget_journal_operation ON budget_journal (scheme_id, operation_id);
CREATE INDEX IF NOT EXISTS budget_journal_type ON budget_journal (scheme_id, type, sequence);
CREATE INDEX IF NOT EXISTS budget_journal_recorded ON budget_journal (scheme_id, recorded_at);
