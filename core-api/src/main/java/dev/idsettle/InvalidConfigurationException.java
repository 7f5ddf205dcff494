package dev.idsettle;

/**
 * A builder's setting is missing or out of range. Thrown by the setter or by {@code build()},
 * before anything was built; the message names the setting and says what it must be.
 */
public class InvalidConfigurationException extends IdSettleException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which names the setting and what was wrong with it. */
  public InvalidConfigurationException(String message) {
    super(message);
  }
}
