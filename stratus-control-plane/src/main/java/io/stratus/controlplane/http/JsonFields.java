package io.stratus.controlplane.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.controlplane.validation.Shown;
import io.stratus.controlplane.validation.Violation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one JSON object strictly: only the allowed names, each of the JSON type it
 * should have. A JSON {@code null} counts as absent. The first broken rule ends reading with a
 * {@link BodyViolation}, which callers turn into a value at once. Fields of a nested object are
 * named by their path, such as {@code balancing.mode}. Not thread-safe.
 */
final class JsonFields {

  private final ObjectNode object;
  private final String prefix;

  private JsonFields(ObjectNode object, String prefix) {
    this.object = object;
    this.prefix = prefix;
  }

  /** The fields of this object, after checking every name is allowed. */
  static JsonFields of(ObjectNode object, List<String> allowed) {
    return of(object, allowed, "");
  }

  private static JsonFields of(ObjectNode object, List<String> allowed, String prefix) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String field = prefix + name;
        throw new BodyViolation(
            field,
            "unknown field '" + Shown.value(field) + "'; allowed: " + String.join(", ", allowed));
      }
    }
    return new JsonFields(object, prefix);
  }

  /**
   * The fields of the object nested under {@code name}, after checking its names are allowed; null
   * when absent.
   */
  JsonFields object(String name, List<String> allowed, String expected) {
    JsonNode node = present(name);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw wrongType(prefix + name, "an object (" + expected + ")", node);
    }
    return of((ObjectNode) node, allowed, prefix + name + ".");
  }

  String text(String name, String expected) {
    JsonNode node = present(name);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw wrongType(prefix + name, "a string (" + expected + ")", node);
    }
    return node.textValue();
  }

  Integer integer(String name, String expected) {
    JsonNode node = present(name);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw wrongType(prefix + name, expected, node);
    }
    return node.intValue();
  }

  Long longInteger(String name, String expected) {
    JsonNode node = present(name);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrongType(prefix + name, expected, node);
    }
    return node.longValue();
  }

  /**
   * An object of settings. Values are strings; numbers and booleans are taken as their text, since
   * that is what Kafka reads them as.
   */
  Map<String, String> settings(String name) {
    JsonNode node = present(name);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw wrongType(prefix + name, "an object of broker settings to string values", node);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode value = entry.getValue();
      if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
        throw wrongType(prefix + name + "." + entry.getKey(), "a non-empty string", value);
      }
      settings.put(entry.getKey(), value.asText());
    }
    return settings;
  }

  private JsonNode present(String name) {
    JsonNode node = object.get(name);
    return node == null || node.isNull() ? null : node;
  }

  private static BodyViolation wrongType(String field, String expected, JsonNode node) {
    return new BodyViolation(
        field, field + " must be " + expected + "; was " + Shown.value(node.toString()));
  }

  /** A broken rule found while reading; turned into a {@link Violation} by the caller. */
  static final class BodyViolation extends RuntimeException {
    private final transient Violation violation;

    BodyViolation(String field, String detail) {
      super(detail, null, false, false);
      this.violation = new Violation(field, detail);
    }

    Violation violation() {
      return violation;
    }
  }
}
