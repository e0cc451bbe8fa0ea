package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.devolvedbudgets.jdbc.PostgresCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands over a journal in a real PostgreSQL (started from the machine's binaries; skipped without them). */
class PostgresCommandsTest {

  @TempDir
  Path dir;

  @Test
  void replayThenReportVerifyAndExportFromPostgres() {
    PostgresCluster cluster = PostgresCluster.shared().orElse(null);
    Assumptions.assumeTrue(cluster != null, "PostgreSQL's server binaries are not installed: SKIPPED, not passed");
    String url = cluster.newDatabase();
    String darlington = Shipped.SCHEMES.resolve("darlington.scheme.json").toString();

    Run replay = Run.budget("replay", "--postgres", url, "--html", dir.toString());
    assertEquals(0, replay.code(), replay.err());
    assertTrue(replay.out().startsWith("Journal: PostgreSQL, jdbc:postgresql://"), replay.out());
    assertFalse(replay.out().contains("password"), "the URL's query, which may hold a password, is not printed");

    Run report = Run.budget("report", "--scheme", darlington, "--postgres", url, "--consort",
        dir.resolve("consort.csv").toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(report.out().contains("uptake                     7 of 21 (33.3%)"), report.out());
    Run verify = Run.budget("journal", "verify", "--scheme", darlington, "--postgres", url);
    assertEquals(0, verify.code(), verify.out() + verify.err());
    assertTrue(verify.out().contains(" in PostgreSQL jdbc:postgresql://"), verify.out());
    assertEquals(0, Run.budget("journal", "export", "--scheme", darlington, "--postgres", url).code());

    Run unreachable = Run.budget("report", "--scheme", darlington, "--postgres",
        "jdbc:postgresql://127.0.0.1:1/none?user=nobody&password=secret");
    assertEquals(2, unreachable.code());
    assertTrue(unreachable.err().startsWith("budget report: cannot open the journal's database, PostgreSQL "
        + "jdbc:postgresql://127.0.0.1:1/none (SQL state 08001)"), unreachable.err());
    assertFalse(unreachable.err().contains("secret"), unreachable.err());
    assertFalse(unreachable.err().contains("\tat "), unreachable.err());
  }
}
