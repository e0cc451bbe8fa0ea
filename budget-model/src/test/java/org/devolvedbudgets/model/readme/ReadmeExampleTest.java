package org.devolvedbudgets.model.readme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code example from rotting: finds the Java block after the
 * {@code <!-- example: budget-model} marker in the repository's README.md, compiles it with
 * {@code -Xlint:all -Werror} against this module, runs it, and checks that it prints exactly the
 * {@code text} block that follows it in the README.
 */
class ReadmeExampleTest {

  private static final Path README = Path.of("..", "README.md");
  private static final String MARKER = "<!-- example: budget-model";

  @Test
  void readmeExampleCompilesRunsAndPrintsWhatTheReadmeSays() throws Exception {
    List<String> lines = Files.readAllLines(README, UTF_8);
    int marker = indexOf(lines, 0, line -> line.startsWith(MARKER));
    List<String> code = fencedBlock(lines, marker, "```java");
    List<String> expected = fencedBlock(lines, indexOf(lines, marker + 1, line -> line.equals("prints")), "```text");

    String source = wrap(code);
    Path classes = Files.createTempDirectory("readme-example");
    compile(source, classes);
    assertEquals(String.join("\n", expected), run(classes).strip());
  }

  private static String wrap(List<String> code) {
    List<String> imports = code.stream().filter(l -> l.startsWith("import ")).collect(Collectors.toList());
    List<String> body = code.stream().filter(l -> !l.startsWith("import ")).collect(Collectors.toList());
    return "package readme;\n" + String.join("\n", imports)
        + "\npublic final class Example {\n  public static void main(String[] args) throws Exception {\n"
        + String.join("\n", body) + "\n  }\n}\n";
  }

  private static void compile(String source, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/Example.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
        "--release", "17", "-Xlint:all", "-Xlint:-processing", "-Xlint:-path", "-Werror", "-proc:none");
    boolean compiled = compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
    String report = diagnostics.getDiagnostics().stream()
        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.UK))
        .collect(Collectors.joining("\n"));
    assertTrue(compiled, () -> "README example does not compile:\n" + report + "\n\n" + source);
  }

  private static String run(Path classes) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeExampleTest.class.getClassLoader())) {
      Method main = loader.loadClass("readme.Example").getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(UTF_8);
  }

  private static List<String> fencedBlock(List<String> lines, int from, String opening) {
    int start = indexOf(lines, from, line -> line.equals(opening));
    int end = indexOf(lines, start + 1, line -> line.equals("```"));
    return new ArrayList<>(lines.subList(start + 1, end));
  }

  private static int indexOf(List<String> lines, int from, java.util.function.Predicate<String> test) {
    for (int i = from; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    throw new AssertionError("README.md has no line after line " + from + " matching what this test looks for");
  }
}
