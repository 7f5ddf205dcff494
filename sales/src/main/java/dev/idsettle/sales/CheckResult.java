package dev.idsettle.sales;

import dev.idsettle.id.IdNumber;

/**
 * The answer of a check URL: {@link Shown}, or {@link NotShown}, the one answer for an unknown
 * token, a locked token, a wrong PIN and an ID not (or no longer) delivered, so that the answer
 * tells a guesser nothing.
 */
public sealed interface CheckResult permits CheckResult.Shown, CheckResult.NotShown {
  /**
   * The right PIN: the ID again. {@code toString} masks it.
   *
   * @param id the ID number
   */
  record Shown(IdNumber id) implements CheckResult {
    @Override
    public String toString() {
      return "Shown[id=" + id.masked() + "]";
    }
  }

  /** Not shown (unknown token, locked token, wrong PIN: one answer for all). */
  enum NotShown implements CheckResult {
    /** The one instance. */
    INSTANCE
  }
}
