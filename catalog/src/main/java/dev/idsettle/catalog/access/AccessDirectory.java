package dev.idsettle.catalog.access;

import dev.idsettle.InvalidRequestException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The access-number directory: the regions a user can pick, each with its access numbers and notes,
 * behind one URL common to every ID. Immutable; load a new one when the operator edits the file.
 * The file is JSON:
 *
 * <pre>{@code
 * {
 *   "url": "https://example.net/access",
 *   "regions": [
 *     { "code": "tokyo", "name": "Tokyo 23 wards", "numbers": ["03-1234-5678"],
 *       "notes": "Local call charges apply." },
 *     { "code": "osaka", "name": "Osaka", "numbers": ["06-1234-5678", "0120-000-111"] }
 *   ]
 * }
 * }</pre>
 *
 * {@code url} (optional) is the page printed on every card; {@code regions} is required and not
 * empty; in a region {@code code}, {@code name} and {@code numbers} are required, {@code notes} is
 * optional (see {@link Region} for what each may hold). Region codes are unique. Every error names
 * the file, the line and the field; a field not listed here is an error too, so a misspelt field is
 * never silently ignored.
 */
public final class AccessDirectory {
  private final @Nullable URI url;
  private final Map<String, Region> regions;

  private AccessDirectory(@Nullable URI url, Map<String, Region> regions) {
    this.url = url;
    this.regions = regions;
  }

  /**
   * Reads and checks a directory file.
   *
   * @throws DirectoryFileException naming the file, the line and the field, if the file cannot be
   *     read or is malformed
   */
  public static AccessDirectory load(Path file) {
    if (file == null) {
      throw new InvalidRequestException("file is required");
    }
    return DirectoryFile.read(file);
  }

  /**
   * Reads and checks a directory from text, as {@link #load} reads a file.
   *
   * @param name what to call the text in error messages (a file name, a URL)
   * @param json the directory
   * @throws DirectoryFileException naming {@code name}, the line and the field, if malformed
   */
  public static AccessDirectory parse(String name, String json) {
    if (name == null || json == null) {
      throw new InvalidRequestException((name == null ? "name" : "json") + " is required");
    }
    return DirectoryFile.parse(name, json);
  }

  /**
   * A directory of {@code regions}, in the order shown.
   *
   * @param url the page common to every ID, or null
   * @throws InvalidRequestException if there are no regions or two share a code
   */
  public static AccessDirectory of(@Nullable URI url, List<Region> regions) {
    if (regions == null || regions.isEmpty()) {
      throw new InvalidRequestException("regions must list at least one region");
    }
    Map<String, Region> byCode = new LinkedHashMap<>();
    for (Region r : regions) {
      if (r == null) {
        throw new InvalidRequestException("regions must not contain null");
      }
      if (byCode.putIfAbsent(r.code(), r) != null) {
        throw new InvalidRequestException("regions: the code \"" + r.code() + "\" is used twice");
      }
    }
    return new AccessDirectory(url, Collections.unmodifiableMap(byCode));
  }

  /** The page common to every ID, if the file names one. */
  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** The regions, in the order of the file. */
  public List<Region> regions() {
    return List.copyOf(regions.values());
  }

  /**
   * The region the user picked, by its code (case-insensitive, surrounding spaces ignored); empty
   * for a code the directory does not have, or null.
   */
  public Optional<Region> region(@Nullable String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(regions.get(code.strip().toLowerCase(Locale.ROOT)));
  }

  /** The access numbers of the region the user picked; empty for an unknown region. */
  public List<String> numbers(@Nullable String code) {
    return region(code).map(Region::numbers).orElse(List.of());
  }

  /** How many regions the directory has. */
  public int size() {
    return regions.size();
  }

  @Override
  public String toString() {
    return "AccessDirectory[" + regions.size() + " regions" + (url == null ? "" : ", " + url) + "]";
  }
}
