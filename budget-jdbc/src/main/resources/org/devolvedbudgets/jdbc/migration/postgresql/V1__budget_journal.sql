-- Devolved budgets: the journal, version 1 (PostgreSQL 12 or later).
-- One row per ledger event, in the journal format of budget-json (JOURNAL.md), numbered per scheme from 1
-- without gaps. The primary key on (scheme_id, sequence) is what makes two servers' appends conflict instead
-- of interleaving. Rows are only ever inserted: never updated, never deleted.
-- Safe to run again: every statement is IF NOT EXISTS. Flyway: locations=classpath:org/devolvedbudgets/jdbc/migration/postgresql
CREATE TABLE IF NOT EXISTS budget_journal (
  scheme_id    VARCHAR(64)  NOT NULL,
  sequence     BIGINT       NOT NULL CHECK (sequence >= 1),
  type         VARCHAR(16)  NOT NULL,
  family_id    VARCHAR(64)  NOT NULL,
  request_id   VARCHAR(64),
  operation_id VARCHAR(64),
  recorded_at  TIMESTAMPTZ  NOT NULL,
  format       INTEGER      NOT NULL,
  event        JSONB        NOT NULL,
  PRIMARY KEY (scheme_id, sequence)
);
CREATE INDEX IF NOT EXISTS budget_journal_family ON budget_journal (scheme_id, family_id, sequence);
CREATE INDEX IF NOT EXISTS budget_journal_request ON budget_journal (scheme_id, request_id);
CREATE INDEX IF NOT EXISTS budget_journal_operation ON budget_journal (scheme_id, operation_id);
CREATE INDEX IF NOT EXISTS budget_journal_type ON budget_journal (scheme_id, type, sequence);
CREATE INDEX IF NOT EXISTS budget_journal_recorded ON budget_journal (scheme_id, recorded_at);
