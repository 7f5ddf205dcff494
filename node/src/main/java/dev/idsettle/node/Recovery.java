package dev.idsettle.node;

import dev.idsettle.http.remote.LocalAuthenticator;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authenticator node's recovery pass ({@link LocalAuthenticator#recover}), at start and every
 * period after: transfers left pending by a lost answer or a crash are finished or undone as the
 * manager decided, once it can be reached. Closing stops it and waits for a pass in flight.
 */
final class Recovery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
  private static final int PER_PASS = 256;

  private final ScheduledExecutorService timer;

  private Recovery(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static Recovery start(LocalAuthenticator device, Duration period) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "idsettle-recovery");
              t.setDaemon(true);
              return t;
            });
    // pass() catches what it throws: the future would hold nothing to check
    var unused =
        timer.scheduleWithFixedDelay(
            () -> pass(device), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return new Recovery(timer);
  }

  private static void pass(LocalAuthenticator device) {
    try {
      int left = device.recover(PER_PASS);
      if (left > 0) {
        LOG.info("{} transfer(s) still pending at the manager", left);
      }
    } catch (RuntimeException e) {
      // the next pass tries again: a failed store or an unreachable manager is not fatal here
      LOG.warn("recovery pass failed: {}", e.getClass().getName());
    }
  }

  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
