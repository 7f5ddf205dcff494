package dev.idsettle.store.jdbc;

import dev.idsettle.InvalidConfigurationException;
import org.jspecify.annotations.Nullable;

/** The checks of this module's settings, naming the setting at fault. */
final class Settings {
  private Settings() {}

  /**
   * {@code value}, or an {@link InvalidConfigurationException} saying {@code setting} is missing.
   */
  static <T> T notNull(@Nullable T value, String setting) {
    if (value == null) {
      throw new InvalidConfigurationException(setting + " must not be null");
    }
    return value;
  }
}
