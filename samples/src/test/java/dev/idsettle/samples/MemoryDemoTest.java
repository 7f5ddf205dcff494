package dev.idsettle.samples;

import java.io.PrintStream;
import java.nio.file.Path;

/** The story on a fresh memory store, with the online sales in memory. */
class MemoryDemoTest extends DemoTest {
  @Override
  Demo.Summary tell(PrintStream out, Path directory) {
    return Demo.tell(out, directory);
  }
}
