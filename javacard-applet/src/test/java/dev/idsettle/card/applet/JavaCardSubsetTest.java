package dev.idsettle.card.applet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JavaCardSubsetTest {

  private static final String PACKAGE = PurseApplet.class.getPackageName();

  @Test
  void everyCompiledAppletClassIsInTheJavaCardSubset() throws IOException, URISyntaxException {
    Map<String, List<String>> violations = new TreeMap<>();
    try (Stream<Path> classes = Files.list(appletClassDirectory())) {
      classes
          .filter(path -> path.toString().endsWith(".class"))
          .forEach(
              path ->
                  violations.put(
                      path.getFileName().toString(),
                      JavaCardSubset.violations(read(path), PACKAGE)));
    }

    assertThat(violations).containsKeys("PurseApplet.class", "U32.class", "Bcd.class");
    assertThat(violations.values()).allSatisfy(list -> assertThat(list).isEmpty());
  }

  @Test
  void theCheckCatchesWhatACardCannotRun() throws IOException {
    List<String> violations = JavaCardSubset.violations(classFile(NotJavaCard.class), PACKAGE);

    assertThat(String.join("\n", violations))
        .contains("class file version 61 is newer than 51")
        .contains("total: uses type long")
        .contains("ratio: uses type float")
        .contains("uses a long, float or double instruction")
        .contains("uses class java.lang.String")
        .contains("uses class java.util.List")
        .contains("uses class java.lang.Thread")
        .contains("uses invokedynamic")
        .contains("creates an array of int")
        .contains("uses a monitor")
        .contains("uses multi-dimensional array");
  }

  private static Path appletClassDirectory() throws URISyntaxException {
    Path root =
        Path.of(PurseApplet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return root.resolve(PACKAGE.replace('.', '/'));
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      assertThat(in).isNotNull();
      return in.readAllBytes();
    }
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
