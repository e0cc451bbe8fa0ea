package org.devolvedbudgets.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.devolvedbudgets.json.journal.JournalFormat;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerEvent;

/**
 * A realistic journal in a SQLite database, and eighteen ways someone with access to the database might edit it behind
 * the library's back: amounts, rows removed from the middle and the end, copied rows, columns alone, the JSON
 * alone, a fingerprint, a time, and a rewrite with the chain computed again. Each names the {@link JournalCheck}
 * code that must find it, and whether finding it needs the head taken before. For the tests of the library's check
 * and of {@code budget journal verify}.
 */
public final class Tamperings {

  /** The scheme the journal belongs to: Wigan's. */
  public static final SchemeId SCHEME = TestPilots.wigan().schemeId();

  /**
   * Returns the configuration the journal was decided under, for a scheme file.
   *
   * @return Wigan's test configuration
   */
  public static org.devolvedbudgets.model.scheme.PilotConfiguration configuration() {
    return TestPilots.wigan();
  }

  private Tamperings() {}

  /** One way of editing the journal, and what must find it. */
  public interface Edit {
    /**
     * Edits the journal.
     *
     * @param database the journal's database
     * @throws SQLException if the database refuses
     */
    void apply(DataSource database) throws SQLException;
  }

  /**
   * A tampering.
   *
   * @param name what it does, for the test's name
   * @param code the problem that must be found
   * @param needsHead whether only the head taken before can find it (rows removed from the end, a chain rewritten)
   * @param edit the edit
   */
  public record Tampering(String name, JournalCheck.Code code, boolean needsHead, Edit edit) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Writes the journal: twelve requests of four families over ten days, approved, paid, refunded and voided under
   * operation ids; 40 or so events.
   *
   * @param database an empty journal's database
   */
  public static void write(DataSource database) {
    Instant start = TestPilots.on(2019, 6, 3);
    java.time.Clock clock = java.time.Clock.fixed(start, ZoneOffset.UTC);
    BudgetLedger ledger = BudgetLedger.builder(TestPilots.wigan()).clock(clock)
        .store(JdbcLedgerStore.of(database, SCHEME)).build();
    WorkerId worker = TestPilots.WORKER;
    Approver manager = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER, TestPilots.REUNIFICATION);
    for (int i = 1; i <= 12; i++) {
      RequestId id = RequestId.of("R-" + i);
      String amount = i % 4 == 0 ? "750.00" : "120.00";
      ledger.submit(TestPilots.request(TestPilots.REUNIFICATION, amount).id(id)
          .familyId(FamilyId.of("F-" + (i % 4))).requestedAt(start.plus(Duration.ofHours(i))).build());
      Instant at = start.plus(Duration.ofHours(i + 1));
      if (i % 4 == 0) {
        ledger.approve(OperationId.of("op-approve-" + i), id, manager, at);
      }
      if (i % 5 == 0) {
        ledger.voidReservation(OperationId.of("op-void-" + i), id, worker, at);
        continue;
      }
      ledger.post(OperationId.of("op-pay-" + i), id, Money.parse("GBP " + amount), worker, at);
      if (i % 3 == 0) {
        ledger.refund(OperationId.of("op-refund-" + i), id, Money.parse("GBP 30.00"), worker, at);
      }
    }
  }

  /**
   * The eighteen tamperings.
   *
   * @return them, in a fixed order
   */
  public static List<Tampering> all() {
    return List.of(
        new Tampering("a refund's amount raised within what was spent", JournalCheck.Code.DIGEST_MISMATCH, false,
            json("Refunded", "\"amount\":\"GBP 30.00\"", "\"amount\":\"GBP 90.00\"")),
        new Tampering("a payment's amount lowered", JournalCheck.Code.DIGEST_MISMATCH, false,
            json("Posted", "\"amount\":\"GBP 120.00\"", "\"amount\":\"GBP 12.00\"")),
        new Tampering("a reservation moved to another day", JournalCheck.Code.DIGEST_MISMATCH, false,
            json("Reserved", "\"day\":\"2019-06-03\"", "\"day\":\"2019-06-04\"")),
        new Tampering("the last row deleted", JournalCheck.Code.HEAD_NOT_FOUND, true,
            sql("DELETE FROM budget_journal WHERE sequence = (SELECT MAX(sequence) FROM budget_journal)")),
        new Tampering("the last three rows deleted", JournalCheck.Code.HEAD_NOT_FOUND, true,
            sql("DELETE FROM budget_journal WHERE sequence > (SELECT MAX(sequence) - 3 FROM budget_journal)")),
        new Tampering("a row in the middle deleted", JournalCheck.Code.SEQUENCE_GAP, false,
            sql("DELETE FROM budget_journal WHERE sequence = 10")),
        new Tampering("a payment copied to the end under a new operation id", JournalCheck.Code.CHAIN_BROKEN, false,
            sql("INSERT INTO budget_journal (scheme_id, sequence, type, family_id, request_id, operation_id, "
                + "recorded_at, format, digest, event) SELECT scheme_id, (SELECT MAX(sequence) + 1 FROM "
                + "budget_journal), type, family_id, request_id, 'op-pay-again', recorded_at, format, digest, event "
                + "FROM budget_journal WHERE type = 'Posted' ORDER BY sequence LIMIT 1")),
        new Tampering("a row's family column changed", JournalCheck.Code.DIGEST_MISMATCH, false,
            sql("UPDATE budget_journal SET family_id = 'F-9' WHERE sequence = 5")),
        new Tampering("a row's request column changed", JournalCheck.Code.DIGEST_MISMATCH, false,
            sql("UPDATE budget_journal SET request_id = 'R-99' WHERE sequence = 6")),
        new Tampering("a row's operation column changed", JournalCheck.Code.DIGEST_MISMATCH, false,
            sql("UPDATE budget_journal SET operation_id = 'op-other' WHERE operation_id IS NOT NULL AND sequence = "
                + "(SELECT MIN(sequence) FROM budget_journal WHERE operation_id IS NOT NULL)")),
        new Tampering("a row's type column changed", JournalCheck.Code.UNREADABLE, false,
            sql("UPDATE budget_journal SET type = 'Voided' WHERE type = 'Posted' AND sequence = "
                + "(SELECT MIN(sequence) FROM budget_journal WHERE type = 'Posted')")),
        new Tampering("a row's time column changed", JournalCheck.Code.COLUMN_MISMATCH, false,
            sql("UPDATE budget_journal SET recorded_at = '2018-01-01T00:00:00Z' WHERE sequence = 7")),
        new Tampering("a row's digest column changed", JournalCheck.Code.DIGEST_MISMATCH, false,
            sql("UPDATE budget_journal SET digest = '" + "1".repeat(64) + "' WHERE sequence = 8")),
        new Tampering("the actor changed inside the JSON", JournalCheck.Code.DIGEST_MISMATCH, false,
            json("Posted", "\"actor\":\"W-0042\"", "\"actor\":\"W-0666\"")),
        new Tampering("a request's fingerprint zeroed", JournalCheck.Code.DIGEST_MISMATCH, false,
            jsonRegex("Submitted", "\"requestFingerprint\":\"[0-9a-f]{64}\"",
                "\"requestFingerprint\":\"" + "0".repeat(64) + "\"")),
        new Tampering("a time moved backwards inside the JSON", JournalCheck.Code.DIGEST_MISMATCH, false,
            json("Approved", "\"recordedAt\":\"2019-06-03T", "\"recordedAt\":\"2019-05-03T")),
        new Tampering("a row's format column made older", JournalCheck.Code.UNREADABLE, false,
            sql("UPDATE budget_journal SET format = 3 WHERE sequence = 9")),
        new Tampering("a payment lowered and the chain computed again to the end", JournalCheck.Code.HEAD_MISMATCH,
            true, Tamperings::rewriteFromThirdPayment));
  }

  private static Edit sql(String statement) {
    return database -> {
      try (Connection connection = database.getConnection(); Statement update = connection.createStatement()) {
        if (update.executeUpdate(statement) < 1) {
          throw new SQLException("the tampering changed nothing: " + statement);
        }
      }
    };
  }

  /** Replaces text in the first row of a type, in the JSON only. */
  private static Edit json(String type, String from, String to) {
    return jsonRegex(type, java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
  }

  private static Edit jsonRegex(String type, String from, String to) {
    return database -> {
      try (Connection connection = database.getConnection()) {
        long sequence;
        String event;
        try (PreparedStatement select = connection.prepareStatement("SELECT sequence, event FROM budget_journal "
            + "WHERE type = ? ORDER BY sequence LIMIT 1")) {
          select.setString(1, type);
          try (var rows = select.executeQuery()) {
            rows.next();
            sequence = rows.getLong(1);
            event = rows.getString(2);
          }
        }
        String edited = event.replaceFirst(from, to);
        if (edited.equals(event)) {
          throw new SQLException("the tampering changed nothing in event " + sequence);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE budget_journal SET event = ? "
            + "WHERE sequence = ?")) {
          update.setString(1, edited);
          update.setLong(2, sequence);
          update.executeUpdate();
        }
      }
    };
  }

  /**
   * The forger's best: the third payment lowered, and every row from it written again with its chain computed, so
   * that the rows alone verify. Only the head taken before tells.
   */
  private static void rewriteFromThirdPayment(DataSource database) throws SQLException {
    JdbcLedgerStore store = JdbcLedgerStore.of(database, SCHEME);
    List<JournalFormat.Line> lines = store.readLines(0, 100_000);
    int third = 0;
    int posted = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).event() instanceof LedgerEvent.Posted && ++posted == 3) {
        third = i;
        break;
      }
    }
    String previous = lines.get(third).previous().orElseThrow();
    try (Connection connection = database.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE budget_journal SET event = ?, digest = ? "
            + "WHERE sequence = ?")) {
      for (int i = third; i < lines.size(); i++) {
        LedgerEvent event = lines.get(i).event();
        if (i == third) {
          LedgerEvent.Posted paid = (LedgerEvent.Posted) event;
          event = new LedgerEvent.Posted(paid.sequence(), paid.recordedAt(), paid.actor(), paid.familyId(),
              paid.requestId(), paid.amount().minus(Money.parse("GBP 10.00")), paid.released().plus(
                  Money.parse("GBP 10.00")), paid.at(), paid.operationId());
        }
        JournalFormat.Row row = JournalFormat.row(SCHEME, event, previous);
        update.setString(1, row.body());
        update.setString(2, row.digest());
        update.setLong(3, event.sequence());
        update.executeUpdate();
        previous = row.digest();
      }
    }
  }
}
