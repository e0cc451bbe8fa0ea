package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devolvedbudgets.examples.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * A fuzz-style test of the scenario runner: a shipped scenario broken in every way a file arrives broken
 * (truncated, with trailing content, a field twice, huge numbers, deep nesting, control characters, names and
 * forged lines in identifier fields) must always give exit code 2, one {@code budget scenario: file: $.path: problem} line
 * per problem, no stack trace, and never the identifier or name it was given back.
 */
class MalformedScenarioFuzzTest {

  /** What the mutations put where an identifier goes; none of it may ever be printed. */
  private static final List<String> SECRETS = List.of("Jo Bloggs", "Bloggs 2019", "SECRET\\nreplay: forged",
      "../../etc/passwd", "F\\u202eSECRET", "\\u001b[2JSECRET");

  @TempDir
  Path dir;

  private static String base() {
    try {
      return Files.readString(Shipped.SCENARIOS.resolve("01-hillingdon-within-authority.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ways a file is broken, each from a seed number. */
  private static String broken(String base, int kind, int seed) {
    int last = base.lastIndexOf('}');
    switch (kind) {
      case 0: // truncated anywhere before its end
        return base.substring(0, seed % last);
      case 1: // trailing content, or a second document
        return base + List.of("}}} garbage", "\n{ \"name\": \"two\" }", "[]", " 1", "\u0000").get(seed % 5);
      case 2: // a field twice in one object
        return base.replaceFirst("\"amount\": \"GBP 113.00\"", "\"amount\": \"GBP 113.00\", \"amount\": \"GBP 1.00\"");
      case 3: // huge numbers
        return base.replaceFirst("\\{ \"pilot\": \"hillingdon\" \\}", "{ \"pilot\": \"hillingdon\", \"version\": "
            + List.of("1e999999", "9".repeat(41 + seed % 1000), "-" + "9".repeat(30), "1.5").get(seed % 4) + " }");
      case 4: // nested deeper than any scenario
        int depth = 33 + seed % 5000;
        return base.replaceFirst("\"expect\": \\{", "\"deep\": " + "[".repeat(depth) + "]".repeat(depth)
            + ", \"expect\": {");
      case 5: // a raw control character inside a string
        return base.replaceFirst("hil-r1", "hil-r\u0007" + (char) (seed % 32));
      case 6: { // a name, a path, a forged line or an escape code where an identifier goes
        String secret = SECRETS.get(seed % SECRETS.size());
        String field = List.of("\"family\": \"hil-vat-f1\"", "\"id\": \"hil-r1\"", "\"worker\": \"hil-vat-sw1\"",
            "\"request\": \"hil-r1\"", "\"team\": \"hillingdon-vat\"").get(seed / SECRETS.size() % 5);
        String name = field.substring(0, field.indexOf(':'));
        return base.replaceFirst(Pattern.quote(field), Matcher.quoteReplacement(name + ": \"" + secret + "\""));
      }
      case 7: // a name as an unknown field, or as a value of the wrong kind
        return seed % 2 == 0 ? base.replaceFirst("\"step\": \"submit\",", "\"step\": \"submit\", \"Jo Bloggs\": 1,")
            : base.replaceFirst("\\{ \"pilot\": \"hillingdon\" \\}", "\"Jo Bloggs lives at 1 High Street\"");
      case 8: // a duration that overflows the clock
        return base.replaceFirst("\\{ \"step\": \"post\", \"request\": \"hil-r1\", \"amount\"",
            "{ \"step\": \"advance\", \"by\": \"PT2562047788015215H\" }, { \"step\": \"post\", \"request\": "
                + "\"hil-r1\", \"amount\"");
      default: // not text at all
        byte[] bytes = new byte[1 + seed % 64];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (0x80 + (seed * 31 + i) % 0x40);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private record Outcome(int code, String out, String err) {}

  private Outcome run(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Budget.run(new String[] {"scenario", file.toString()}, new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyMalformedFileIsExitTwoWithOneSafeLinePerProblem() {
    String base = base();
    Gen<Integer> kinds = integers().between(0, 9);
    qt().withExamples(400).forAll(kinds, integers().between(0, 100_000)).checkAssert((kind, seed) -> {
      String text = broken(base, kind, seed);
      Path file = dir.resolve("broken.json");
      try {
        if (kind == 9) {
          Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        } else {
          Files.writeString(file, text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Outcome result = run(file);
      String both = result.out() + result.err();
      assertEquals(2, result.code(), () -> "kind " + kind + ": " + both);
      assertFalse(result.err().contains("\tat "), () -> "no stack trace without --debug: " + result.err());
      assertFalse(result.err().isEmpty());
      for (String line : result.err().split("\n", -1)) {
        assertTrue(line.isEmpty() || line.startsWith("budget scenario: " + file + ": $")
            || line.matches(java.util.regex.Pattern.quote("budget scenario: " + file) + ":[0-9]+:[0-9]+: \\$.*"),
            () -> "a line of its own: " + line);
        assertTrue(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x202e), () -> "unsafe: " + line);
      }
      for (String secret : List.of("Bloggs", "SECRET", "etc/passwd", "High Street")) {
        assertFalse(both.contains(secret), () -> "kind " + kind + " repeated " + secret + ": " + both);
      }
      assertTrue(result.err().length() < 20_000, "bounded output");
    });
  }

  @Test
  void aFileOfEndlessZerosIsRefusedAtItsSizeLimit() throws IOException {
    Path file = dir.resolve("zeros.json");
    Files.write(file, new byte[Scenarios.MAX_FILE_BYTES + 1]);
    Outcome result = run(file);
    assertEquals(2, result.code());
    assertEquals("budget scenario: " + file + ": $: is larger than 1048576 bytes (1 MiB), the most a file may hold "
        + "[TOO_LARGE]\n", result.err());
    Path devZero = Path.of("/dev/zero");
    if (Files.isReadable(devZero)) {
      assertEquals(2, run(devZero).code());
    }
  }
}
