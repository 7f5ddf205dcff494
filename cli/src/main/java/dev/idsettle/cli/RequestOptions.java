package dev.idsettle.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a request made at a terminal: which one, and the request's reference. */
final class RequestOptions {
  @Option(
      names = "--terminal",
      required = true,
      paramLabel = "TERMINAL",
      description = "The terminal (a till, a service's device) making the request.")
  String terminal = "";

  @Mixin ReferenceOption reference = new ReferenceOption();

  /** The reference alone, for requests that name no terminal. */
  static final class ReferenceOption {
    @Option(
        names = "--reference",
        required = true,
        paramLabel = "REF",
        description =
            "The request's reference, its idempotency key: the same reference repeats the"
                + " original answer.")
    String value = "";
  }
}
