package dev.idsettle.catalog.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The directory file: a good one read whole, and each kind of malformed one pinned to its line. */
class AccessDirectoryTest {
  @TempDir Path dir;

  @Test
  void theSampleFileListsEachRegionsNumbersAndNotes() throws Exception {
    AccessDirectory d =
        AccessDirectory.load(Path.of(getClass().getResource("/directory/japan.json").toURI()));
    assertThat(d.url()).contains(URI.create("https://example.net/access"));
    assertThat(d.regions()).extracting(Region::code).containsExactly("tokyo", "osaka", "overseas");
    assertThat(d.numbers(" Osaka ")).containsExactly("06-1234-5678", "0120-000-111");
    assertThat(d.region("tokyo").orElseThrow().notes()).isEqualTo("Local call charges apply.");
    assertThat(d.region("osaka").orElseThrow().notes()).isEmpty();
    assertThat(d.region("kyoto")).isEmpty();
    assertThat(d.region(null)).isEmpty();
    assertThat(d.numbers("kyoto")).isEmpty();
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.toString()).contains("3 regions");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{\n  \"regions\": [\n  ]\n}", 4, "regions", "at least one region"),
        Arguments.of("{\n  \"url\": \"https://x.net\"\n}", 3, "regions", "is required"),
        Arguments.of("{\n  \"regoins\": []\n}", 2, "regoins", "unknown field"),
        Arguments.of("{\n  \"url\": \"ftp://x.net\",\n \"regions\": []}", 2, "url", "http"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"a\",\n  \"name\": \"A\",\n  \"numbers\": [\"12\"]}]}",
            4,
            "regions[0].numbers[0]",
            "at least 3 digits"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"a\", \"name\": \"A\", \"numbers\": []\n}]}",
            2,
            "regions[0].numbers",
            "at least one"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"Tokyo!\", \"name\": \"A\", \"numbers\": [\"123\"]}]}",
            2,
            "regions[0].code",
            "a-z"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"a\",\n \"numbers\": [\"123\"]}]}",
            2,
            "regions[0].name",
            "is required"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"a\", \"name\": \"A\",\n \"numbers\": \"123\"}]}",
            3,
            "regions[0].numbers",
            "START_ARRAY"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"a\", \"name\": \"A\", \"numbers\": [\"123\"]},\n"
                + " {\"code\": \"a\", \"name\": \"B\", \"numbers\": [\"456\"]}]}",
            3,
            "regions[1].code",
            "used twice (first at line 2)"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"a\", \"name\": \"A\", \"numbers\": [\"123\"],\n"
                + "  \"note\": \"x\"}]}",
            3,
            "regions[0].note",
            "unknown field"),
        Arguments.of(
            "{\"regions\": [\n {\"code\": \"a\", \"name\": 5, \"numbers\": [\"123\"]}]}",
            2,
            "regions[0].name",
            "must be a string"),
        Arguments.of("{\"regions\": [\n {\"code\": \"a\",\n", 3, "(syntax)", "end-of-input"),
        Arguments.of("{\"regions\": [\n {\"code\": 'a'}]}", 2, "(syntax)", "Unexpected character"),
        Arguments.of("[]", 1, "(root)", "START_OBJECT"),
        Arguments.of("{\n \"\": 1}", 2, "\"\"", "unknown field"),
        Arguments.of(
            "{\"regions\": [\n {\"a b\\n\": 1}]}", 2, "regions[0].\"a b\\u000a\"", "unknown"),
        Arguments.of(
            "{\"regions\": [{\"code\": \"a\", \"name\": \"A\", \"numbers\": [\"123\"]}]}\n{}",
            2,
            "(root)",
            "after the directory"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aMalformedFileNamesTheFileTheLineAndTheField(
      String json, int line, String field, String problem) throws Exception {
    Path file = dir.resolve("access.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> AccessDirectory.load(file))
        .isInstanceOfSatisfying(
            DirectoryFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage())
                  .startsWith(file + " line " + line + ", " + field + ": ")
                  .contains(problem);
            });
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere.json");
    assertThatThrownBy(() -> AccessDirectory.load(missing))
        .isInstanceOf(DirectoryFileException.class)
        .hasMessageStartingWith(missing + " line 0, (file): cannot be read");
  }

  @Test
  void regionsAndDirectoriesBuiltInCodeAreCheckedToo() {
    Region a = new Region("a", "A", List.of("123"), "");
    assertThat(AccessDirectory.of(null, List.of(a)).url()).isEmpty();
    assertThatThrownBy(() -> AccessDirectory.of(null, List.of(a, a)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> AccessDirectory.of(null, List.of())).hasMessageContaining("regions");
    assertThatThrownBy(() -> new Region("a", " ", List.of("123"), "")).hasMessageContaining("name");
    assertThatThrownBy(() -> new Region("a", "A", List.of("12a"), ""))
        .hasMessageContaining("numbers[0]");
    assertThatThrownBy(() -> new Region("a", "A", List.of(), "")).hasMessageContaining("numbers");
    assertThatThrownBy(() -> new Region("a", "A", List.of("123"), "x".repeat(1001)))
        .hasMessageContaining("notes");
    assertThatThrownBy(() -> AccessDirectory.parse("x", "{"))
        .isInstanceOf(DirectoryFileException.class);
  }
}
