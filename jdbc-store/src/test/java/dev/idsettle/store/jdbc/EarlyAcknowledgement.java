package dev.idsettle.store.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately broken store's connections: every way the store commits (the connection's commit,
 * a {@code COMMIT} in a statement's round trip, a return to auto-commit) returns at once, and the
 * real commit happens 10 ms after the store closed the connection, when the caller already holds
 * its acknowledgement. For the negative control of {@link PostgresCrashTest}.
 */
final class EarlyAcknowledgement {
  private static final String COMMIT_IN_ROUND_TRIP = "; COMMIT";

  private final ScheduledExecutorService committer = Executors.newScheduledThreadPool(4);
  private final AtomicInteger lost = new AtomicInteger();

  /** Deferred commits that failed: acknowledged transactions that never committed. */
  int lost() {
    return lost.get();
  }

  Connection wrap(Connection real) {
    AtomicBoolean pending = new AtomicBoolean();
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "commit" -> {
                  pending.set(true);
                  return null;
                }
                case "setAutoCommit" -> {
                  if ((Boolean) args[0] && !real.getAutoCommit()) {
                    pending.set(true);
                    return null;
                  }
                }
                case "prepareStatement" -> {
                  String sql = (String) args[0];
                  if (sql.endsWith(COMMIT_IN_ROUND_TRIP)) {
                    pending.set(true);
                    args[0] = sql.substring(0, sql.length() - COMMIT_IN_ROUND_TRIP.length());
                  }
                }
                case "close" -> {
                  if (pending.getAndSet(false)) {
                    Future<?> unused =
                        committer.schedule(() -> commitLate(real), 10, TimeUnit.MILLISECONDS);
                    return null;
                  }
                }
                default -> {}
              }
              return WrappingDataSource.invoke(method, real, args);
            });
  }

  private void commitLate(Connection real) {
    try (real) {
      real.commit();
      real.setAutoCommit(true);
    } catch (SQLException e) {
      lost.incrementAndGet();
    }
  }

  /** Waits for the deferred commits and stops the committer. */
  void awaitCommits() throws InterruptedException {
    committer.shutdown();
    if (!committer.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("deferred commits still running after 30 s");
    }
  }
}
