package io.stratus.dataplane.substrate.local;

import java.util.Map;

/**
 * Renders settings as a {@code .properties} file that {@link java.util.Properties#load} reads back
 * exactly. Pure and thread-safe.
 */
final class PropertiesText {

  private PropertiesText() {}

  /** The settings in iteration order, one {@code key=value} per line, after a comment line. */
  static String render(String comment, Map<String, String> settings) {
    var text = new StringBuilder();
    comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    settings.forEach(
        (key, value) ->
            text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
    return text.toString();
  }

  private static String escape(String text, boolean key) {
    var escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '\f' -> escaped.append("\\f");
        case ' ' -> escaped.append(key || i == 0 ? "\\ " : " ");
        case '=', ':', '#', '!' -> {
          if (key || (i == 0 && (c == '#' || c == '!'))) {
            escaped.append('\\');
          }
          escaped.append(c);
        }
        default -> {
          if (c < 0x20 || c > 0x7e) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
