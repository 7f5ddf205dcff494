package dev.idsettle.catalog.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.idsettle.InvalidRequestException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a directory file token by token, keeping the path of the current field, so that every error
 * names the file, the line (Jackson's location of the offending token) and the field.
 */
final class DirectoryFile {
  /** Directories are small; a file far larger than any directory is refused before parsing. */
  static final long MAX_BYTES = 4L << 20;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(4096).build())
          .build();

  private final String file;
  private final JsonParser p;
  private int codeLine;

  private DirectoryFile(String file, JsonParser p) {
    this.file = file;
    this.p = p;
  }

  static AccessDirectory read(Path path) {
    String name = path.toString();
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new DirectoryFileException(
            name, 0, "(file)", "is larger than " + MAX_BYTES + " bytes");
      }
      return parse(name, Files.readString(path));
    } catch (IOException e) {
      throw new DirectoryFileException(name, 0, "(file)", "cannot be read: " + e);
    }
  }

  static AccessDirectory parse(String name, String json) {
    try (JsonParser p = JSON.createParser(json)) {
      return new DirectoryFile(name, p).directory();
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DirectoryFileException(name, Math.max(line, 0), "(syntax)", e.getOriginalMessage());
    } catch (IOException e) {
      throw new DirectoryFileException(name, 0, "(file)", "cannot be read: " + e);
    }
  }

  private AccessDirectory directory() throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT, "(root)");
    URI url = null;
    List<Region> regions = null;
    Map<String, Integer> lines = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "url" -> url = url(key);
        case "regions" -> regions = regions(lines);
        default -> throw fail(name(key), "unknown field (expected url, regions)");
      }
    }
    if (p.nextToken() != null) {
      throw fail("(root)", "unexpected content after the directory");
    }
    if (regions == null || regions.isEmpty()) {
      throw fail("regions", "is required and must list at least one region");
    }
    return AccessDirectory.of(url, regions);
  }

  private URI url(String field) throws IOException {
    String text = text(field);
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
          || uri.getHost() == null) {
        throw fail(field, "must be an absolute http or https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw fail(field, "is not a URL: " + e.getReason());
    }
  }

  private List<Region> regions(Map<String, Integer> lines) throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY, "regions");
    List<Region> regions = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Region r = region("regions[" + regions.size() + "]");
      Integer first = lines.putIfAbsent(r.code(), codeLine);
      if (first != null) {
        throw new DirectoryFileException(
            file,
            codeLine,
            "regions[" + regions.size() + "].code",
            "\"" + r.code() + "\" is used twice (first at line " + first + ")");
      }
      regions.add(r);
    }
    return regions;
  }

  private Region region(String path) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, path);
    int line = p.currentTokenLocation().getLineNr();
    String code = null;
    String name = null;
    List<String> numbers = null;
    String notes = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      String field = path + "." + name(key);
      p.nextToken();
      switch (key) {
        case "code" -> {
          String t = text(field);
          code = checked(field, t, Region.codeProblem(t));
          codeLine = p.currentTokenLocation().getLineNr();
        }
        case "name" -> {
          String t = text(field);
          name = checked(field, t, Region.nameProblem(t));
        }
        case "numbers" -> numbers = numbers(field);
        case "notes" -> {
          String t = text(field);
          notes = checked(field, t, Region.notesProblem(t));
        }
        default -> throw fail(field, "unknown field (expected code, name, numbers, notes)");
      }
    }
    for (String[] required : new String[][] {{"code", code}, {"name", name}}) {
      if (required[1] == null) {
        throw new DirectoryFileException(file, line, path + "." + required[0], "is required");
      }
    }
    if (numbers == null) {
      throw new DirectoryFileException(file, line, path + ".numbers", "is required");
    }
    try {
      return new Region(nonNull(code), nonNull(name), numbers, notes);
    } catch (InvalidRequestException e) {
      throw new DirectoryFileException(file, line, path, String.valueOf(e.getMessage()));
    }
  }

  /** Refuses a field's value at its own line if {@code problem} names one. */
  private String checked(String field, String value, @Nullable String problem) {
    if (problem != null) {
      throw fail(field, problem.substring(problem.indexOf(' ') + 1));
    }
    return value;
  }

  private List<String> numbers(String field) throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY, field);
    List<String> numbers = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String item = field + "[" + numbers.size() + "]";
      String n = text(item);
      if (!Region.isNumber(n)) {
        throw fail(item, Region.NUMBER_RULE);
      }
      numbers.add(n);
    }
    if (numbers.isEmpty()) {
      throw fail(field, "must list at least one access number");
    }
    return numbers;
  }

  /**
   * A field's name as an error shows it: as written if it is a plain name, else quoted and escaped
   * (an empty name, a name with spaces or control characters), so that it is never blank.
   */
  static String name(String key) {
    if (!key.isEmpty() && key.length() <= 40 && key.chars().allMatch(DirectoryFile::plain)) {
      return key;
    }
    StringBuilder b = new StringBuilder("\"");
    key.codePoints()
        .limit(40)
        .forEach(
            c -> {
              if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                b.append(String.format(Locale.ROOT, "\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append(key.codePointCount(0, key.length()) > 40 ? "...\"" : "\"").toString();
  }

  private static boolean plain(int c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
  }

  private String text(String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw fail(field, "must be a string, was " + p.currentToken());
    }
    return p.getText();
  }

  private void expect(@Nullable JsonToken actual, JsonToken wanted, String field) {
    if (actual != wanted) {
      throw fail(field, "expected " + wanted + ", found " + actual);
    }
  }

  private DirectoryFileException fail(String field, String problem) {
    return new DirectoryFileException(
        file, Math.max(p.currentTokenLocation().getLineNr(), 0), field, problem);
  }

  private static String nonNull(@Nullable String s) {
    if (s == null) {
      throw new IllegalStateException("unreachable: a missing field was reported above");
    }
    return s;
  }
}
