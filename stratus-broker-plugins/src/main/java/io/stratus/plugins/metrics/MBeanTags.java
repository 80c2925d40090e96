package io.stratus.plugins.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * The key properties of a JMX object name as Kafka writes it, {@code
 * domain:type=T,name=N,topic=t,partition=0}. Kafka's topic names use only {@code [a-zA-Z0-9._-]},
 * so values are never quoted. Pure; thread-safe.
 */
final class MBeanTags {

  private MBeanTags() {}

  /** The properties after the domain; empty when there are none. */
  static Map<String, String> parse(String objectName) {
    var tags = new HashMap<String, String>();
    if (objectName == null) {
      return tags;
    }
    int colon = objectName.indexOf(':');
    if (colon < 0) {
      return tags;
    }
    for (String property : objectName.substring(colon + 1).split(",")) {
      int equals = property.indexOf('=');
      if (equals > 0) {
        tags.put(property.substring(0, equals), property.substring(equals + 1));
      }
    }
    return tags;
  }
}
