package dev.idsettle.cli;

import dev.idsettle.IdSettleException;
import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.spi.StoreException;
import java.sql.SQLException;

/** What an exception a command let through means for the operator: an exit code and a message. */
final class Failures {
  private Failures() {}

  static CliException unavailable(String what, Throwable cause) {
    String reason = rootMessage(cause);
    if (reason.contains("No suitable driver") || reason.contains("driver instance")) {
      return new CliException(
          ExitCodes.BAD_INPUT,
          what + ": no driver for that URL (jdbc:sqlite:, jdbc:h2:, jdbc:postgresql:)",
          cause);
    }
    return new CliException(
        ExitCodes.UNAVAILABLE, what + ": " + reason + " (nothing was done; retry later)", cause);
  }

  /** The exit code and message for {@code e}. */
  static CliException of(Throwable e) {
    if (e instanceof CliException c) {
      return c;
    }
    if (e instanceof StoreException s) {
      return s.mayHaveCommitted()
          ? new CliException(
              ExitCodes.UNKNOWN,
              "outcome unknown (" + s.getMessage() + "): retry with the same reference to learn it",
              e)
          : new CliException(
              ExitCodes.UNAVAILABLE,
              "the store failed (" + s.getMessage() + "): nothing was done; retry later",
              e);
    }
    if (e instanceof InvalidRequestException || e instanceof InvalidConfigurationException) {
      return new CliException(ExitCodes.BAD_INPUT, String.valueOf(e.getMessage()), e);
    }
    if (e instanceof IdSettleException) {
      return new CliException(ExitCodes.BAD_INPUT, String.valueOf(e.getMessage()), e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException || t.getClass().getName().contains("PoolInitialization")) {
        return unavailable("the database failed", e);
      }
    }
    return new CliException(
        ExitCodes.INTERNAL,
        "internal error (" + e.getClass().getName() + "): " + e.getMessage(),
        e);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
