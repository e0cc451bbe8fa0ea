/**
 * The journal in a database: {@link org.devolvedbudgets.jdbc.JdbcLedgerStore} keeps a scheme's ledger events in
 * PostgreSQL (production, several servers on one database) or SQLite (the embedded default, one file), and
 * {@link org.devolvedbudgets.jdbc.JournalSchema} creates the table from the versioned migration scripts shipped
 * in this jar.
 */
@NullMarked
package org.devolvedbudgets.jdbc;

import org.jspecify.annotations.NullMarked;
