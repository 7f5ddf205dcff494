package dev.idsettle.cli;

/** The exit codes scripts can rely on; the usage help and {@code docs/CLI.md} list them. */
public final class ExitCodes {
  /** Done: the command did what it was asked (a replay of a done request included). */
  public static final int OK = 0;

  /**
   * A business denial (the ledger or a role refused: insufficient balance, blocked, unknown ID, a
   * reused reference...), or {@code reconcile} found differences. Nothing was changed.
   */
  public static final int DENIED = 1;

  /**
   * Usage or bad input: an unknown command or option, a malformed value, a missing or weak key
   * file, a command the library refused as misuse. Nothing was changed.
   */
  public static final int BAD_INPUT = 2;

  /** The store was unavailable and nothing was done: retry later. */
  public static final int UNAVAILABLE = 3;

  /**
   * The outcome is unknown (the store may have committed and its answer was lost): retry with the
   * same reference to learn it.
   */
  public static final int UNKNOWN = 4;

  /** An internal error: a bug, please report it with the command that caused it. */
  public static final int INTERNAL = 5;

  /** The text of the usage help's exit code section. */
  static final String[] HELP = {
    "0:Done (a replay of a done request included).",
    "1:Denied by the business rules (nothing changed), or reconcile found differences.",
    "2:Usage or bad input: unknown option, malformed value, missing or weak key file.",
    "3:Store unavailable: nothing was done; retry later.",
    "4:Outcome unknown: retry with the same reference to learn it.",
    "5:Internal error (a bug).",
  };

  private ExitCodes() {}
}
