package dev.idsettle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package named {@code internal} is its module's own: no other module names it, in its main code
 * or its tests, by import or by qualified name. Checked on the sources of every module of the build
 * (the sibling directories with a {@code pom.xml}), so a new module is checked without being
 * listed. A source check rather than {@code module-info} files: the modules run on the class path,
 * and several test in the packages they test (split packages that JPMS would refuse).
 */
class InternalPackagesTest {
  private static final String ROOT = "dev." + "idsettle";
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  // a qualified name that goes through a package called internal (this file spells none out)
  private static final Pattern INTERNAL =
      Pattern.compile("\\bdev\\.idsettle(?:\\.\\w+)*?\\.internal\\b");

  @Test
  void noModuleNamesAnotherModulesInternalPackage() throws IOException {
    Path root = Path.of(System.getProperty("idsettle.root", "..")).toAbsolutePath().normalize();
    List<Path> modules = modules(root);
    assertThat(modules).as("the modules under %s", root).hasSizeGreaterThan(5);
    List<String> wrong = new ArrayList<>();
    for (Path module : modules) {
      wrong.addAll(violations(module));
    }
    assertThat(wrong).as("names of another module's internal package").isEmpty();
  }

  @Test
  void theCheckFindsAnImportAndAQualifiedName(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path own = dir.resolve("own/src/main/java/dev/idsettle/own/internal/Own.java");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "package @.own.internal;\nclass Own {}\n".replace("@", ROOT));
    Path user = dir.resolve("own/src/test/java/dev/idsettle/own/User.java");
    Files.createDirectories(user.getParent());
    Files.writeString(
        user,
        """
        package @.own;
        import @.own.internal.Own;
        import @.internal.Keys;
        class User { Object o = @.store.jdbc.internal.Sql.class; }
        """
            .replace("@", ROOT));
    assertThat(violations(dir.resolve("own")))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).endsWith(": " + ROOT + ".internal"))
        .anySatisfy(v -> assertThat(v).endsWith(": " + ROOT + ".store.jdbc.internal"));
  }

  private static List<Path> modules(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
          .filter(d -> Files.isDirectory(d.resolve("src")))
          .sorted()
          .toList();
    }
  }

  /**
   * The names of internal packages in {@code module}'s sources that the module does not declare.
   */
  static List<String> violations(Path module) throws IOException {
    List<Path> sources = sources(module.resolve("src"));
    Set<String> own = new TreeSet<>();
    for (Path source : sources) {
      Matcher m = PACKAGE.matcher(read(source));
      if (m.find()) {
        own.add(m.group(1));
      }
    }
    List<String> wrong = new ArrayList<>();
    for (Path source : sources) {
      Matcher m = INTERNAL.matcher(read(source));
      while (m.find()) {
        if (!own.contains(m.group())) {
          wrong.add(module.relativize(source) + ": " + m.group());
        }
      }
    }
    return wrong;
  }

  private static List<Path> sources(Path src) throws IOException {
    if (!Files.isDirectory(src)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(src)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
