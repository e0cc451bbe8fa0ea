package org.devolvedbudgets.jdbc.process;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.devolvedbudgets.jdbc.Databases;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.AwaitingApproval;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.devolvedbudgets.rules.ledger.LedgerUnavailableException;
import org.devolvedbudgets.rules.position.RemainingBudget;

/**
 * One application server, as a separate JVM, for the several-servers and crash tests: it runs a ledger over a
 * journal in a database and spends for families other servers spend for too, logging each operation it was told
 * succeeded (one line, flushed, after the ledger answered) so the test can check the journal against it.
 *
 * <p>Arguments: {@code sqlite FILE | postgres URL}, the server's number, how many servers, how long to work in
 * milliseconds (0: until killed), the log file, a folder where servers meet when done, and the run's name (in
 * every request id, so that servers of one run know each other's requests and a restarted writer makes new
 * ones).
 *
 * <p>Requests needing approval are approved from the approval queue, by a server other than the one that made them.
 *
 * <p>Log lines: {@code READY}, {@code SUBMIT requestId outcome}, {@code OP operationId}, and at the end
 * {@code FINAL lastSequence digest} after every server has finished and this one has caught up.
 */
public final class LedgerServer {

  /** Families every server spends for. */
  public static final int FAMILIES = 12;
  /** The scheme: Wigan's, £4,000 a family a financial year, a team manager above £500. */
  public static final PilotConfiguration SCHEME = TestPilots.wigan();
  private static final Instant START = TestPilots.on(2019, 6, 3);
  private static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
      TestPilots.REUNIFICATION);

  private LedgerServer() {}

  /**
   * Runs the server.
   *
   * @param args as the class describes
   * @throws Exception when the test is broken; the process then exits non-zero
   */
  public static void main(String[] args) throws Exception {
    DataSource dataSource = args[0].equals("sqlite") ? Databases.sqlite(Path.of(args[1]))
        : Databases.postgres(args[1], 8);
    int server = Integer.parseInt(args[2]);
    int servers = Integer.parseInt(args[3]);
    long millis = Long.parseLong(args[4]);
    Path log = Path.of(args[5]);
    Path meeting = Path.of(args[6]);
    long began = System.nanoTime();
    // Time runs from 3 June 2019 at the real rate, so holds do not lapse at once.
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return START.plusNanos(System.nanoTime() - began);
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    BudgetLedger ledger = BudgetLedger.builder(SCHEME).clock(clock)
        .store(JdbcLedgerStore.of(dataSource, SCHEME.schemeId())).maxAttempts(64).build();
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      line(out, "READY");
      Random random = new Random(server * 7919L + System.nanoTime());
      String run = args[7];
      for (int k = 0; millis == 0 || System.nanoTime() - began < millis * 1_000_000L; k++) {
        try {
          work(ledger, out, random, server, servers, run, k, clock);
        } catch (LedgerUnavailableException busy) {
          // retryable: this server moves on, as a case system would after telling the worker to try again
        }
      }
      Files.createDirectories(meeting);
      Files.writeString(meeting.resolve("done-" + server), "");
      while (true) {
        try (var done = Files.list(meeting)) {
          if (done.count() >= servers) {
            break;
          }
        }
        Thread.sleep(50);
      }
      ledger.catchUp();
      ledger.verifyJournal();
      line(out, "FINAL " + ledger.lastSequence() + " " + digest(ledger));
    }
    if (dataSource instanceof HikariDataSource) {
      ((HikariDataSource) dataSource).close();
    }
  }

  private static void work(BudgetLedger ledger, BufferedWriter out, Random random, int server, int servers,
      String run, int k, Clock clock) throws IOException {
    String id = "R-" + run + "-" + server + "-" + k;
    SpendRequest request = TestPilots.request(TestPilots.REUNIFICATION, "1.00").id(RequestId.of(id))
        .familyId(FamilyId.of("F-" + random.nextInt(FAMILIES)))
        .amount(Money.ofMinor(TestPilots.GBP, 5_000 + random.nextInt(95_000))).requestedAt(clock.instant())
        .build();
    Outcome outcome = ledger.submit(request).decision().outcome();
    line(out, "SUBMIT " + id + " " + outcome);
    if (outcome == Outcome.APPROVED) {
      pay(ledger, out, request.id(), request.amount(), random, clock.instant());
    }
    // Every few requests, take the oldest request another server made from this server's approval queue, as a
    // manager's work list would show it, and approve it here.
    if (k % 3 == 0) {
      ledger.catchUp();
      for (AwaitingApproval waiting : ledger.approvalQueue(MANAGER)) {
        if (waiting.requestId().value().startsWith("R-" + run + "-" + server + "-")) {
          continue; // this server's own: left for another
        }
        OperationId approval = OperationId.of("op-approve-" + waiting.requestId().value() + "-by-" + server);
        // Each server's clock starts with its own process, so another's request may be "made" a moment after now.
        Instant at = clock.instant().isBefore(waiting.requestedAt()) ? waiting.requestedAt() : clock.instant();
        LedgerResult approved = ledger.approve(approval, waiting.requestId(), MANAGER, at);
        if (approved.isApplied()) {
          line(out, "OP " + approval.value());
          pay(ledger, out, waiting.requestId(), waiting.amount(), random, at);
        }
        break;
      }
    }
  }

  private static void pay(BudgetLedger ledger, BufferedWriter out, RequestId request, Money amount, Random random,
      Instant at) throws IOException {
    OperationId payment = OperationId.of("op-pay-" + request.value());
    if (ledger.post(payment, request, amount, WorkerId.of("W-0042"), at).isApplied()) {
      line(out, "OP " + payment.value());
      if (random.nextInt(5) == 0) {
        OperationId refund = OperationId.of("op-refund-" + request.value());
        if (ledger.refund(refund, request, Money.ofMinor(TestPilots.GBP, 1_000), WorkerId.of("W-0042"), at)
            .isApplied()) {
          line(out, "OP " + refund.value());
        }
      }
    }
  }

  /** What every server must agree on: each family's remaining budget, and the approval queue. */
  public static String digest(BudgetLedger ledger) {
    TreeMap<String, String> remaining = new TreeMap<>();
    remaining.put("queue", ledger.approvalQueue().stream().map(item -> item.requestId().value()).toList()
        .toString());
    for (int f = 0; f < FAMILIES; f++) {
      for (RemainingBudget budget : ledger.remainingBudget(FamilyId.of("F-" + f), LocalDate.of(2019, 6, 3))) {
        remaining.put("F-" + f, budget.spent() + "/" + budget.reserved());
      }
    }
    return Integer.toHexString(remaining.toString().hashCode());
  }

  private static void line(BufferedWriter out, String text) throws IOException {
    out.write(text);
    out.newLine();
    out.flush();
  }
}
