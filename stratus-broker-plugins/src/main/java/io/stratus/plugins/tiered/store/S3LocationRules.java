package io.stratus.plugins.tiered.store;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an {@link ObjectStoreLocation.S3} must follow, each failure naming the component, the
 * rule and the value that broke it. Stateless and thread-safe.
 */
final class S3LocationRules {

  private static final Pattern BUCKET_CHARACTERS = Pattern.compile("[a-z0-9.-]+");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int MAXIMUM_PREFIX_LENGTH = 512;

  private S3LocationRules() {}

  static void requireValid(
      String bucket,
      String prefix,
      Optional<URI> endpoint,
      Optional<String> region,
      long partSize) {
    requireValidBucket(bucket);
    requireValidPrefix(prefix);
    if (endpoint == null || region == null) {
      throw invalid("endpoint and region must be Optional values, not null");
    }
    endpoint.ifPresent(S3LocationRules::requireValidEndpoint);
    region.ifPresent(S3LocationRules::requireValidRegion);
    requireValidPartSize(partSize);
  }

  private static void requireValidBucket(String bucket) {
    if (bucket == null || bucket.isEmpty()) {
      throw invalid("bucket is missing: write s3://bucket[/prefix]");
    }
    if (bucket.length() < 3 || bucket.length() > 63) {
      throw invalid(
          "bucket must be 3 to 63 characters long, got '%s' (%d)", bucket, bucket.length());
    }
    if (!BUCKET_CHARACTERS.matcher(bucket).matches()) {
      throw invalid(
          "bucket may only contain lowercase letters, digits, '.' and '-', got '%s'", bucket);
    }
    if (!Character.isLetterOrDigit(bucket.charAt(0))
        || !Character.isLetterOrDigit(bucket.charAt(bucket.length() - 1))) {
      throw invalid("bucket must start and end with a letter or digit, got '%s'", bucket);
    }
    if (bucket.contains("..")) {
      throw invalid("bucket must not contain two adjacent dots, got '%s'", bucket);
    }
    if (IP_ADDRESS.matcher(bucket).matches()) {
      throw invalid("bucket must not look like an IP address, got '%s'", bucket);
    }
  }

  private static void requireValidPrefix(String prefix) {
    if (prefix == null) {
      throw invalid("prefix must be a string (empty for the whole bucket), not null");
    }
    if (prefix.isEmpty()) {
      return;
    }
    if (prefix.length() > MAXIMUM_PREFIX_LENGTH) {
      throw invalid(
          "prefix must be at most %d characters long, got %d",
          MAXIMUM_PREFIX_LENGTH, prefix.length());
    }
    if (prefix.startsWith("/") || prefix.endsWith("/")) {
      throw invalid("prefix must not start or end with '/', got '%s'", prefix);
    }
    for (String segment : prefix.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw invalid(
            "prefix must be '/'-separated names without empty, '.' or '..' parts, got '%s'",
            prefix);
      }
    }
    if (prefix.chars().anyMatch(c -> c == '?' || c == '#' || c == '\\' || c < 0x20 || c == 0x7f)) {
      throw invalid(
          "prefix must not contain '?', '#', '\\' or control characters, got '%s'", prefix);
    }
  }

  private static void requireValidEndpoint(URI endpoint) {
    // Never echo an endpoint that carries user info: it may be a credential.
    if (endpoint.getRawUserInfo() != null) {
      throw invalid(
          "endpoint must not contain user info; credentials come from the AWS credential chain"
              + " (aws.accessKeyId/aws.secretAccessKey, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
              + " profile, or instance role)");
    }
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!endpoint.isAbsolute()
        || endpoint.isOpaque()
        || !(scheme.equals("http") || scheme.equals("https"))
        || endpoint.getHost() == null) {
      throw invalid("endpoint must be an http:// or https:// URL with a host, got '%s'", endpoint);
    }
    if (endpoint.getRawQuery() != null
        || endpoint.getRawFragment() != null
        || endpoint.toString().contains("&")) {
      throw invalid(
          "endpoint must be http(s)://host[:port][/path] without '?', '#' or '&', got '%s'",
          endpoint);
    }
  }

  private static void requireValidRegion(String region) {
    if (!REGION.matcher(region).matches()) {
      throw invalid(
          "region must be 1 to 64 letters, digits, '-' or '_' (like us-east-1), got '%s'", region);
    }
  }

  private static void requireValidPartSize(long partSize) {
    if (partSize < ObjectStoreLocation.S3.MINIMUM_PART_SIZE
        || partSize > ObjectStoreLocation.S3.MAXIMUM_PART_SIZE) {
      throw invalid(
          "partSize must be between %d (5 MiB) and %d (5 GiB) bytes, got %d",
          ObjectStoreLocation.S3.MINIMUM_PART_SIZE,
          ObjectStoreLocation.S3.MAXIMUM_PART_SIZE,
          partSize);
    }
  }

  static IllegalArgumentException invalid(String format, Object... arguments) {
    return new IllegalArgumentException("s3 object store: " + String.format(format, arguments));
  }
}
