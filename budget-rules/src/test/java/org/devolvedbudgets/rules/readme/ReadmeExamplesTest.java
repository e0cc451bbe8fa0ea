package org.devolvedbudgets.rules.readme;

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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the README's code examples from rotting: for every {@code <!-- example: NAME} marker in the
 * repository's README.md it compiles the Java block that follows with {@code -Xlint:all -Werror} against this
 * module (and so budget-model), runs it, and checks that it prints exactly the {@code text} block after the
 * word "prints". It lives in budget-rules because that is the highest module the examples use.
 */
class ReadmeExamplesTest {

  private static final Path README = Path.of("..", "README.md");
  private static final String MARKER = "<!-- example: ";

  @TestFactory
  List<DynamicTest> everyReadmeExampleCompilesRunsAndPrintsWhatTheReadmeSays() throws Exception {
    List<String> lines = Files.readAllLines(README, UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(MARKER)) {
        String name = lines.get(i).substring(MARKER.length()).split(" ")[0];
        int marker = i;
        tests.add(DynamicTest.dynamicTest(name, () -> check(lines, marker, name)));
      }
    }
    assertEquals(7, tests.size(), "README examples found");
    return tests;
  }

  private static void check(List<String> lines, int marker, String name) throws Exception {
    List<String> code = fencedBlock(lines, marker, "```java");
    List<String> expected = fencedBlock(lines, indexOf(lines, marker + 1, line -> line.equals("prints")), "```text");
    String className = "Example_" + name.replaceAll("[^A-Za-z0-9]", "_");
    String source = wrap(className, code);
    Path classes = Files.createTempDirectory("readme-example");
    compile(className, source, classes);
    assertEquals(String.join("\n", expected), run(className, classes).strip());
  }

  private static String wrap(String className, List<String> code) {
    List<String> imports = code.stream().filter(l -> l.startsWith("import ")).collect(Collectors.toList());
    List<String> body = code.stream().filter(l -> !l.startsWith("import ")).collect(Collectors.toList());
    return "package readme;\n" + String.join("\n", imports)
        + "\npublic final class " + className + " {\n  public static void main(String[] args) throws Exception {\n"
        + String.join("\n", body) + "\n  }\n}\n";
  }

  private static void compile(String className, String source, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/" + className + ".java"),
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

  private static String run(String className, Path classes) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeExamplesTest.class.getClassLoader())) {
      Method main = loader.loadClass("readme." + className).getMethod("main", String[].class);
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

  private static int indexOf(List<String> lines, int from, Predicate<String> test) {
    for (int i = from; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    throw new AssertionError("README.md has no line after line " + from + " matching what this test looks for");
  }
}
