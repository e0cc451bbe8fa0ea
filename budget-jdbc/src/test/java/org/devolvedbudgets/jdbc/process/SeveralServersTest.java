package org.devolvedbudgets.jdbc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.jdbc.Databases;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three application servers, each its own JVM, sharing one PostgreSQL journal for about 30 seconds: overlapping
 * families, submissions, approvals taken from the approval queue of requests another server made, payments and
 * refunds. Afterwards no cap is exceeded, every acknowledged operation is in the journal exactly once, the journal
 * verifies, and every server agrees, balances and approval queue alike, once it has caught up.
 */
class SeveralServersTest {

  private static final int SERVERS = 3;
  private static final long WORK_MILLIS = 30_000;

  @Test
  void threeServersOnOnePostgresJournalAgreeAndLoseNothing(@TempDir Path dir) throws Exception {
    try (HikariDataSource database = Databases.newPostgres()) {
      List<Process> servers = new ArrayList<>();
      List<Path> logs = new ArrayList<>();
      for (int s = 0; s < SERVERS; s++) {
        Path log = dir.resolve("server-" + s + ".log");
        logs.add(log);
        servers.add(Processes.start(List.of("postgres", database.getJdbcUrl(), Integer.toString(s),
            Integer.toString(SERVERS), Long.toString(WORK_MILLIS), log.toString(), dir.resolve("meet").toString(), "run"),
            dir.resolve("server-" + s + ".out")));
      }
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int s = 0; s < SERVERS; s++) {
          servers.get(s).waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        // A failed server first: the others then wait for it to finish, forever.
        for (int s = 0; s < SERVERS; s++) {
          int server = s;
          assertTrue(servers.get(s).isAlive() || servers.get(s).exitValue() == 0, () -> "server " + server
              + " failed; what each server printed:\n" + outputs(dir));
        }
        for (int s = 0; s < SERVERS; s++) {
          int server = s;
          assertTrue(!servers.get(s).isAlive(), () -> "server " + server + " did not finish; what each server "
              + "printed:\n" + outputs(dir));
        }
      } finally {
        servers.forEach(Process::destroyForcibly); // none is left behind, on a cluster about to stop
      }
      Set<String> finals = new HashSet<>();
      int approvals = 0;
      for (Path log : logs) {
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith("FINAL ")) {
            finals.add(line);
          } else if (line.startsWith("OP op-approve-")) {
            approvals++;
          }
        }
      }
      assertEquals(1, finals.size(), () -> "every server agrees: " + finals);
      assertTrue(approvals > 0, "some requests were approved from the queue on another server than the one they "
          + "were made on");
      int acknowledged = JournalAudit.check(JdbcLedgerStore.of(database, LedgerServer.SCHEME.schemeId()), logs);
      assertTrue(acknowledged > 100, "acknowledged " + acknowledged);
      System.out.println("SeveralServersTest: " + acknowledged + " acknowledged operations, " + approvals
          + " approvals on another server, " + finals);
    }
  }

  private static String outputs(Path dir) {
    StringBuilder all = new StringBuilder();
    for (int s = 0; s < SERVERS; s++) {
      all.append("--- server ").append(s).append('\n').append(read(dir.resolve("server-" + s + ".out")));
    }
    return all.toString();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(no output)";
    }
  }
}
