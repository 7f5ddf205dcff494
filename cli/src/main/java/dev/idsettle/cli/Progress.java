package dev.idsettle.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar on standard error for long work, shown only when standard error is a terminal (a
 * script's log gets none); otherwise it does nothing.
 */
final class Progress implements AutoCloseable {
  private final @Nullable ProgressBar bar;

  private Progress(@Nullable ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar of {@code max} steps (-1: of unknown length) named {@code task}, if {@code shown}. */
  static Progress start(boolean shown, String task, long max) {
    if (!shown) {
      return new Progress(null);
    }
    PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(max)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(stderr))
            .setUpdateIntervalMillis(250)
            .build());
  }

  /** Moves the bar to {@code done} of {@code total}. */
  void stepTo(long done, long total) {
    if (bar != null) {
      bar.maxHint(total);
      bar.stepTo(done);
    }
  }

  void step(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
