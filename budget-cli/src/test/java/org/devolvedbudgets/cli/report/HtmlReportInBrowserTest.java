package org.devolvedbudgets.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.examples.pilots.PilotSite;
import org.devolvedbudgets.examples.replay.PilotYear;
import org.devolvedbudgets.rules.evaluation.ConsortFlow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The HTML report opened in a real headless Chromium (Debian's {@code chromium}): it loads with no console message
 * and no network request, and the browser decodes every chart; a screenshot is kept under {@code target/}. Each
 * check is first shown to catch its fault on a control page (a console error, a request over the network), so a
 * silent browser cannot pass it. Where Chromium is not installed the test is reported skipped, with a warning;
 * {@code .ci/run} installs it.
 */
class HtmlReportInBrowserTest {

  private static final Path OUT = Path.of("target", "html-report");

  private static Path chromium;

  @BeforeAll
  static void findChromium() throws IOException {
    Optional<Path> found = Chromium.find();
    if (found.isEmpty()) {
      System.err.println("WARNING: Chromium is not installed (Debian package chromium): the HTML report's browser "
          + "test is SKIPPED, not passed");
    }
    Assumptions.assumeTrue(found.isPresent(), "Chromium is not installed; the browser test is skipped");
    chromium = found.get();
    Files.createDirectories(OUT);
  }

  /** What Chromium printed for a page: the DOM after scripts ran, its log, and its network log. */
  private record Visit(String dom, String log, String netLog) {}

  private static Visit visit(Path page, String name, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path netLog = OUT.resolve(name + "-netlog.json").toAbsolutePath();
    Path dom = OUT.resolve(name + "-dom.html").toAbsolutePath();
    Path log = OUT.resolve(name + "-chromium.log").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-features=NetworkTimeServiceQuerying", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--log-net-log=" + netLog, "--virtual-time-budget=5000"));
    command.addAll(List.of(extra));
    command.add(page.toAbsolutePath().toUri().toString());
    Process process = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 90 s");
    }
    return new Visit(Files.readString(dom, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8),
        Files.exists(netLog) ? Files.readString(netLog, StandardCharsets.UTF_8) : "");
  }

  private static List<String> consoleMessages(Visit visit) {
    return visit.log().lines().filter(line -> line.contains(":CONSOLE")).toList();
  }

  /**
   * The requests the page made, read from Chromium's net log: each job started for the page (its network
   * isolation key is the file's, where the browser's own requests have none) for anything but a file or data URL.
   */
  private static List<String> networkRequests(Visit visit) {
    JsonNode log = new ObjectMapper().readTree(visit.netLog());
    int startJob = log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
    assertTrue(startJob >= 0, "the net log names its event types");
    List<String> urls = new ArrayList<>();
    for (JsonNode event : log.path("events")) {
      JsonNode params = event.path("params");
      String url = params.path("url").asString("");
      if (event.path("type").asInt() == startJob && params.path("network_isolation_key").asString("")
          .startsWith("file://") && !url.startsWith("file:") && !url.startsWith("data:")) {
        urls.add(url);
      }
    }
    return urls;
  }

  @Test
  void theChecksCatchAConsoleErrorAndANetworkRequestOnAControlPage() throws Exception {
    Path control = Files.writeString(OUT.resolve("control.html"), "<!DOCTYPE html><html><body>"
        + "<img src=\"http://example.invalid/chart.png\"><script>console.error('control');</script></body></html>");
    Visit visit = visit(control, "control", "--dump-dom");
    assertEquals(1, consoleMessages(visit).size(), visit.log());
    assertTrue(networkRequests(visit).contains("http://example.invalid/chart.png"), "the net log shows requests");
  }

  @Test
  void theReportLoadsWithNoConsoleMessageAndNoNetworkRequestAndEveryChartIsDrawn() throws Exception {
    PilotYear.Result year = PilotYear.of(PilotSite.darlington(), 2019).run();
    Path page = OUT.resolve("darlington.html");
    HtmlReport.write(year.report(), ConsortFlow.of(year.store().readAll(), year.report()), page);
    String html = Files.readString(page);
    int charts = count(html, "<img data-chart ");
    assertEquals(8, charts, "the funnel, the CONSORT flow, three spends, amounts, times, utilisation");
    assertEquals(charts, count(html, "<table>"), "each chart has its table");
    assertEquals(0, count(html, "alt=\"\""), "each chart has a text alternative");

    Visit visit = visit(page, "report", "--dump-dom");

    assertEquals(List.of(), consoleMessages(visit));
    assertEquals(List.of(), networkRequests(visit));
    assertEquals(charts, count(visit.dom(), "data-drawn=\"yes\""), "every chart decoded by the browser");
    assertEquals(0, count(visit.dom(), "data-drawn=\"no\""));

    Path screenshot = OUT.resolve("report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    visit(page, "screenshot", "--hide-scrollbars", "--window-size=1200,2400", "--screenshot=" + screenshot);
    assertTrue(Files.size(screenshot) > 50_000, "a screenshot of the drawn page");
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /** Where Chromium is: {@code CHROMIUM} if set, else {@code chromium} or {@code chromium-browser} on the path. */
  static final class Chromium {
    private Chromium() {}

    static Optional<Path> find() {
      String given = System.getenv("CHROMIUM");
      if (given != null && Files.isExecutable(Path.of(given))) {
        return Optional.of(Path.of(given));
      }
      for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        for (String name : List.of("chromium", "chromium-browser")) {
          Path candidate = Path.of(directory, name);
          if (Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.empty();
    }
  }
}
