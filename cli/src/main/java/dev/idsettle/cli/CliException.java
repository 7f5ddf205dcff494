package dev.idsettle.cli;

/** A command's failure with the exit code it ends with and a message for the operator. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad input: {@link ExitCodes#BAD_INPUT}. */
  static CliException badInput(String message) {
    return new CliException(ExitCodes.BAD_INPUT, message);
  }

  int exitCode() {
    return exitCode;
  }
}
