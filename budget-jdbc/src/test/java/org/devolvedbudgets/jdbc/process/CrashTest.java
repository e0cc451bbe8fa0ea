package org.devolvedbudgets.jdbc.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.devolvedbudgets.jdbc.Databases;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer JVM killed with SIGKILL at random moments while it writes, ten times on each database: each time a
 * new ledger starts on what the database holds, the journal verifies (no batch half-written), and every operation
 * the writer was told succeeded is in it exactly once.
 */
class CrashTest {

  private static final int KILLS = 10;

  @Test
  void killingTheWriterOnSqliteLosesNothingAcknowledged(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("journal.sqlite");
    try (HikariDataSource database = Databases.sqlite(file)) {
      crash(dir, List.of("sqlite", file.toString()), database);
    }
  }

  @Test
  void killingTheWriterOnPostgresLosesNothingAcknowledged(@TempDir Path dir) throws Exception {
    try (HikariDataSource database = Databases.newPostgres()) {
      crash(dir, List.of("postgres", database.getJdbcUrl()), database);
    }
  }

  private static void crash(Path dir, List<String> database, DataSource check) throws Exception {
    Random random = new Random(42);
    Path log = dir.resolve("writer.log");
    int acknowledged = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      List<String> args = new java.util.ArrayList<>(database);
      args.addAll(List.of("0", "1", "0", log.toString(), dir.resolve("meet").toString(), "run" + kill));
      Path output = dir.resolve("writer-" + kill + ".out");
      Process writer = Processes.start(args, output);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(log) || Files.readAllLines(log).stream().filter(line -> line.startsWith("SUBMIT"))
          .count() < (kill + 1) * 5L) {
        assertTrue(writer.isAlive(), () -> SeveralServersTest.read(output));
        assertTrue(System.nanoTime() < deadline, "the writer started writing");
        Thread.sleep(20);
      }
      Thread.sleep(random.nextInt(400));
      writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
      acknowledged = JournalAudit.check(JdbcLedgerStore.of(check, LedgerServer.SCHEME.schemeId()), List.of(log));
    }
    assertTrue(acknowledged > KILLS * 5, "acknowledged " + acknowledged);
    System.out.println("CrashTest: " + KILLS + " kills, " + acknowledged + " acknowledged operations checked");
  }
}
