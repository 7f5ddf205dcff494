package dev.idsettle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The issuer key file: 32 random bytes as hex digits on one line, readable and writable by its
 * owner only. Its content is never quoted in a message.
 */
final class KeyFile {
  static final int KEY_BYTES = 32;
  static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private KeyFile() {}

  /** Writes a new random key to {@code file}, which must not exist, owner-only from the start. */
  static void create(Path file) {
    if (Files.exists(file)) {
      throw CliException.badInput(
          "key file " + file + " exists already: init does not overwrite a key (move it away)");
    }
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = Files.createTempFile(parent, ".idsettle-key", ".tmp");
      try {
        ownerOnly(tmp);
        Files.writeString(tmp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (FileAlreadyExistsException e) {
      throw CliException.badInput("key file " + file + " exists already: init does not overwrite");
    } catch (IOException e) {
      throw CliException.badInput("cannot write the key file " + file + ": " + e.getMessage());
    }
  }

  /**
   * Reads the key in {@code file}, refusing a missing file, a malformed one, a key shorter than 32
   * bytes and one that is the same byte repeated (what a zeroed or filled buffer gives).
   */
  static byte[] read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw CliException.badInput(
          "no key file at " + file + ": run 'idsettle init' first, or name it with --key-file");
    } catch (IOException e) {
      throw CliException.badInput(
          "cannot read the key file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    byte[] key;
    try {
      key = HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(
          "key file " + file + " must hold the key as hex digits on one line");
    }
    if (key.length < KEY_BYTES) {
      throw CliException.badInput(
          "key file "
              + file
              + " holds "
              + key.length
              + " bytes, a key needs at least "
              + KEY_BYTES);
    }
    boolean same = true;
    for (byte b : key) {
      same &= b == key[0];
    }
    if (same) {
      throw CliException.badInput(
          "key file " + file + " holds one byte repeated: that is no key; make a new one");
    }
    return key;
  }

  static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's own permissions protect it
    }
  }
}
