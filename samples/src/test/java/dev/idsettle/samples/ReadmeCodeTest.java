package dev.idsettle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of README.md compiles against the modules and runs: README's code is code. A
 * block that is not a whole program is a fragment of a test that runs it: the line before it names
 * that test ({@code <!-- run as written by PATH -->}), and the test must hold its lines, in order.
 */
class ReadmeCodeTest {
  private static final Pattern BLOCK =
      Pattern.compile(
          "(?:<!-- run as written by (\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

  @Test
  void everyJavaBlockCompilesAndRuns(@TempDir Path dir) throws Exception {
    String readme =
        Files.readString(Path.of(System.getProperty("idsettle.readme", "../README.md")));
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(1) != null) {
        assertRunByTest(m.group(2), Path.of("..").resolve(m.group(1)));
      } else {
        blocks.add(m.group(2));
      }
    }
    assertThat(blocks).as("README's Java programs").isNotEmpty();
    for (String block : blocks) {
      Matcher c = CLASS.matcher(block);
      assertThat(c.find()).as("a README block is a whole program with a public class").isTrue();
      String output = compileAndRun(dir, c.group(1), block);
      assertThat(output).as("what %s printed", c.group(1)).isNotBlank();
      if (c.group(1).equals("QuickStart")) {
        assertThat(output).startsWith("ok, balance EUR 18.50");
      }
      if (c.group(1).equals("SlipsTour")) {
        assertThat(output).contains("SlipsActivated").contains("RangeChanged");
      }
      if (c.group(1).equals("HoldersTour")) {
        assertThat(output)
            .contains("Permit[")
            .contains("Merged[moved=EUR 5.00, merged=2, balance=EUR 15.00");
      }
      if (c.group(1).equals("NetworkTour")) {
        assertThat(output)
            .contains("WRONG_SERVICE")
            .contains("split: Selected")
            .contains("by sub-ID: Permit");
      }
    }
  }

  /** Each line of {@code fragment} is a line of {@code test}, in the same order. */
  private static void assertRunByTest(String fragment, Path test) throws IOException {
    List<String> lines = Files.readAllLines(test).stream().map(String::strip).toList();
    int at = 0;
    for (String line : fragment.strip().split("\n", -1)) {
      int found = lines.subList(at, lines.size()).indexOf(line.strip());
      assertThat(found)
          .as("README's line %s is in %s, in order", line.strip(), test)
          .isNotNegative();
      at += found + 1;
    }
  }

  private static String compileAndRun(Path dir, String className, String source) throws Exception {
    Path src = dir.resolve(className + ".java");
    Files.writeString(src, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    dir.toString(),
                    "-Xlint:all",
                    "-Werror"),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(src))
            .call();
    assertThat(compiled).as("README's %s compiles: %s", className, diagnostics).isTrue();
    return run(dir, className);
  }

  private static String run(Path dir, String className)
      throws IOException, ReflectiveOperationException {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.toUri().toURL()}, ReadmeCodeTest.class.getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
