package dev.idsettle.catalog.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Directory files are edited by hand: any text either reads as a valid directory (every region
 * found again by its code, with at least one number) or fails with a {@link DirectoryFileException}
 * naming the file, a line within the text and a field; never another exception. {@code mvn verify}
 * replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}).
 */
class DirectoryFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyTextIsADirectoryOrADirectoryFileException(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    AccessDirectory d;
    try {
      d = AccessDirectory.parse("fuzz.json", text);
    } catch (DirectoryFileException e) {
      assertThat(e.file()).isEqualTo("fuzz.json");
      assertThat(e.field()).isNotBlank();
      assertThat(e.line()).isBetween(0, (int) text.lines().count() + 1);
      assertThat(e.getMessage()).startsWith("fuzz.json line " + e.line() + ", " + e.field());
      return;
    }
    assertThat(d.size()).isPositive();
    for (Region r : d.regions()) {
      assertThat(d.region(r.code())).contains(r);
      assertThat(r.numbers()).isNotEmpty();
    }
  }
}
