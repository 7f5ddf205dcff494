package dev.idsettle.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command that opens the store takes: where the ledger and its key are. */
final class StoreOptions {
  /** The embedded default: a SQLite file in the working directory. */
  static final String DEFAULT_DB = "idsettle.db";

  @Option(
      names = "--db",
      paramLabel = "FILE|URL",
      description =
          "The ledger: a SQLite file (default ${DEFAULT-VALUE} in the working directory) or a JDBC"
              + " URL (jdbc:sqlite:..., jdbc:h2:..., jdbc:postgresql:...).",
      defaultValue = DEFAULT_DB)
  String db = DEFAULT_DB;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description =
          "The database user, if the URL needs one; the password is read from the environment"
              + " variable IDSETTLE_DB_PASSWORD, never from the command line.")
  @Nullable String dbUser;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "The issuer key file (default: beside the database, its name with .key; for a server"
              + " URL, idsettle.key in the working directory). Written by init, owner-only.")
  @Nullable Path keyFile;

  /** The JDBC URL of {@link #db}. */
  String url() {
    return db.startsWith("jdbc:") ? db : "jdbc:sqlite:" + Path.of(db).toAbsolutePath();
  }

  /** The database file, for the file databases (SQLite, H2 file); null for a server URL. */
  @Nullable Path file() {
    if (!db.startsWith("jdbc:")) {
      return Path.of(db);
    }
    String rest;
    char end;
    if (db.startsWith("jdbc:sqlite:")) {
      rest = db.substring("jdbc:sqlite:".length());
      end = '?';
    } else if (db.startsWith("jdbc:h2:file:")) {
      rest = db.substring("jdbc:h2:file:".length());
      end = ';';
    } else {
      return null;
    }
    int cut = rest.indexOf(end);
    String path = cut >= 0 ? rest.substring(0, cut) : rest;
    return path.isEmpty() || path.startsWith(":memory:") ? null : Path.of(path);
  }

  /** The key file: given, or beside the database, or {@code idsettle.key} for a server URL. */
  Path keyFile() {
    return keyFile != null ? keyFile : beside(".key");
  }

  /** The settings file, beside the key file: its name with {@code .properties}. */
  Path settingsFile() {
    Path key = keyFile().toAbsolutePath();
    String name = String.valueOf(key.getFileName());
    String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
    return key.resolveSibling(base + ".properties");
  }

  private Path beside(String extension) {
    Path f = file();
    if (f == null) {
      return Path.of("idsettle" + extension);
    }
    Path abs = f.toAbsolutePath();
    String name = String.valueOf(abs.getFileName());
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    if (base.endsWith(".mv")) {
      base = base.substring(0, base.length() - 3);
    }
    return abs.resolveSibling(base + extension);
  }
}
