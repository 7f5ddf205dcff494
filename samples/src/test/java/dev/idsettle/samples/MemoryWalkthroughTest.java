package dev.idsettle.samples;

import dev.idsettle.store.memory.MemoryStore;
import java.io.PrintStream;

/** The walkthrough on a fresh memory store. */
class MemoryWalkthroughTest extends ClaimOneWalkthroughTest {
  @Override
  ClaimOneWalkthrough.Summary run(PrintStream out) {
    return ClaimOneWalkthrough.run(out, MemoryStore.create());
  }
}
