package dev.idsettle.node;

import dev.idsettle.http.Parties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Key files: the key's bytes as hex digits, on one line. */
final class Keys {
  private Keys() {}

  /** Reads the key file named at {@code pointer}; never quotes the file's content. */
  static byte[] read(ConfigFile f, String pointer) {
    f.requiredText(pointer);
    Path file = f.path(pointer);
    if (file == null) {
      throw f.error(pointer, "is required");
    }
    String hex;
    try {
      hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw f.error(pointer, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    byte[] key;
    try {
      key = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw f.error(pointer, file + " must hold the key as hex digits on one line");
    }
    if (key.length < Parties.MIN_KEY_BYTES) {
      throw f.error(
          pointer,
          file + " holds " + key.length + " bytes, a key needs at least " + Parties.MIN_KEY_BYTES);
    }
    return key;
  }

  /**
   * Writes a new random 32-byte key to {@code file} (readable by its owner only where possible).
   */
  static byte[] create(Path file) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
    file.toFile().setReadable(false, false);
    file.toFile().setReadable(true, true);
    return key;
  }
}
