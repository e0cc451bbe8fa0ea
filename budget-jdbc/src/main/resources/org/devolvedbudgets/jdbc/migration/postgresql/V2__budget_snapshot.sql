-- Devolved budgets: snapshots of the journal, version 2 (PostgreSQL 12 or later).
-- A snapshot is a cache of the journal's first events in a compact binary form, so that a ledger starting over a
-- long journal need not decode every row's JSON: one header row per snapshot, and its events in chunks of up to
-- 10,000. A ledger checks a snapshot against the journal before using it and reads the journal instead when it
-- does not agree; deleting every row of these tables at any time loses nothing. The journal stays the record.
-- Safe to run again: every statement is IF NOT EXISTS. Flyway: locations=classpath:org/devolvedbudgets/jdbc/migration/postgresql
CREATE TABLE IF NOT EXISTS budget_snapshot (
  scheme_id      VARCHAR(64)  NOT NULL,
  last_sequence  BIGINT       NOT NULL CHECK (last_sequence >= 1),
  format         INTEGER      NOT NULL,
  chunks         INTEGER      NOT NULL CHECK (chunks >= 1),
  written_at     TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (scheme_id, last_sequence)
);
CREATE TABLE IF NOT EXISTS budget_snapshot_chunk (
  scheme_id      VARCHAR(64)  NOT NULL,
  last_sequence  BIGINT       NOT NULL,
  chunk          INTEGER      NOT NULL CHECK (chunk >= 0),
  first_sequence BIGINT       NOT NULL CHECK (first_sequence >= 1),
  events         INTEGER      NOT NULL CHECK (events >= 1),
  crc32c         BIGINT       NOT NULL,
  body           BYTEA        NOT NULL,
  PRIMARY KEY (scheme_id, last_sequence, chunk)
);
