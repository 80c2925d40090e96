package io.stratus.plugins.tiered.store;

import static io.stratus.plugins.tiered.store.S3LocationRules.invalid;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code s3://bucket[/prefix]?endpoint=URL&region=R&pathStyle=true&partSize=BYTES} into an
 * {@link ObjectStoreLocation.S3}. Query values are taken literally (no percent-decoding). Stateless
 * and thread-safe.
 */
final class S3LocationParser {

  private static final String SCHEME = "s3://";
  private static final String ENDPOINT = "endpoint";
  private static final String REGION = "region";
  private static final String PATH_STYLE = "pathStyle";
  private static final String PART_SIZE = "partSize";
  private static final List<String> PARAMETERS = List.of(ENDPOINT, REGION, PATH_STYLE, PART_SIZE);

  private S3LocationParser() {}

  static ObjectStoreLocation.S3 parse(String location) {
    if (!location.startsWith(SCHEME)) {
      throw invalid("location must start with s3://");
    }
    String rest = location.substring(SCHEME.length());
    int queryStart = rest.indexOf('?');
    String path = queryStart < 0 ? rest : rest.substring(0, queryStart);
    Map<String, String> query =
        queryStart < 0 ? Map.of() : parameters(rest.substring(queryStart + 1));

    int slash = path.indexOf('/');
    String bucket = slash < 0 ? path : path.substring(0, slash);
    String prefix = slash < 0 ? "" : withoutTrailingSlash(path.substring(slash + 1));

    return new ObjectStoreLocation.S3(
        bucket,
        prefix,
        Optional.ofNullable(query.get(ENDPOINT)).map(S3LocationParser::endpoint),
        Optional.ofNullable(query.get(REGION)),
        Optional.ofNullable(query.get(PATH_STYLE)).map(S3LocationParser::pathStyle).orElse(false),
        Optional.ofNullable(query.get(PART_SIZE))
            .map(S3LocationParser::partSize)
            .orElse(ObjectStoreLocation.S3.DEFAULT_PART_SIZE));
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    if (query.isEmpty()) {
      return parameters;
    }
    for (String parameter : query.split("&", -1)) {
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        throw invalid("query parameters must be name=value, got '%s'", parameter);
      }
      String name = parameter.substring(0, equals);
      String value = parameter.substring(equals + 1);
      if (!PARAMETERS.contains(name)) {
        throw invalid(
            "unknown query parameter '%s'; allowed are %s", name, String.join(", ", PARAMETERS));
      }
      if (value.isEmpty()) {
        throw invalid("query parameter %s needs a value, as %s=VALUE", name, name);
      }
      if (parameters.putIfAbsent(name, value) != null) {
        throw invalid("query parameter %s is given more than once", name);
      }
    }
    return parameters;
  }

  private static String withoutTrailingSlash(String prefix) {
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  private static URI endpoint(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      if (value.contains("@")) {
        throw invalid("endpoint must be an http:// or https:// URL without user info");
      }
      throw invalid(
          "endpoint must be an http:// or https:// URL, got '%s' (%s)", value, e.getReason());
    }
  }

  private static boolean pathStyle(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid("pathStyle must be true or false, got '%s'", value);
    };
  }

  private static long partSize(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid("partSize must be a whole number of bytes (like 8388608), got '%s'", value);
    }
  }
}
