package dev.idsettle.node;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON config file read into a tree, with the line of every field, so that a check can name the
 * file, the line and the field it refuses. Duplicate keys are refused.
 */
final class ConfigFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private ConfigFile(Path file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  static ConfigFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NodeConfigException(
          file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = JSON.createParser(bytes)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          String at = p.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(at, p.currentLocation().getLineNr());
        }
      }
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new NodeConfigException(file + ":1: the file must hold one JSON object");
      }
      return new ConfigFile(file, root, lines);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null ? 1 : Math.max(1, where.getLineNr());
      throw new NodeConfigException(
          file + ":" + line + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new NodeConfigException(
          file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  Path file() {
    return file;
  }

  JsonNode root() {
    return root;
  }

  /** A refusal of the field at {@code pointer} (such as {@code /parties/1/keyFile}). */
  NodeConfigException error(String pointer, String problem) {
    return new NodeConfigException(
        file + ":" + line(pointer) + ": " + field(pointer) + ": " + problem);
  }

  private int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return 1;
      }
      p = p.substring(0, slash); // a missing field: the line of the object that lacks it
    }
  }

  private static String field(String pointer) {
    String f = pointer.startsWith("/") ? pointer.substring(1) : pointer;
    return f.isEmpty() ? "(file)" : f.replace('/', '.');
  }

  /** Refuses a field of {@code object} (at {@code pointer}) that is not one of {@code known}. */
  void onlyKnown(JsonNode object, String pointer, Set<String> known) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw error(
            pointer + "/" + name,
            "is not a known field (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  /** The text at {@code pointer}, or null if absent. */
  @Nullable String text(String pointer) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw error(pointer, "must be a string");
    }
    return n.asText();
  }

  String requiredText(String pointer) {
    String t = text(pointer);
    if (t == null || t.isBlank()) {
      throw error(pointer, "is required");
    }
    return t;
  }

  /** The integer at {@code pointer}, or {@code otherwise} if absent. */
  long number(String pointer, long otherwise) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return otherwise;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw error(pointer, "must be a whole number");
    }
    return n.asLong();
  }

  boolean flag(String pointer, boolean otherwise) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return otherwise;
    }
    if (!n.isBoolean()) {
      throw error(pointer, "must be true or false");
    }
    return n.asBoolean();
  }

  /** A path named at {@code pointer}, relative to the config file's directory. */
  @Nullable Path path(String pointer) {
    String t = text(pointer);
    if (t == null) {
      return null;
    }
    Path dir = file.toAbsolutePath().getParent();
    Path p = Path.of(t);
    return p.isAbsolute() || dir == null ? p : dir.resolve(p);
  }
}
