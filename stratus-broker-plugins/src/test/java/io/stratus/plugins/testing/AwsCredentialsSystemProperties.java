package io.stratus.plugins.testing;

/**
 * Sets {@code aws.accessKeyId} and {@code aws.secretAccessKey}, which the AWS SDK's default
 * credential chain reads before environment variables and profiles; {@link #close()} puts back the
 * values that were there. Not thread-safe: system properties are global to the JVM, so set them
 * from the test thread, around the tests that need them.
 */
public final class AwsCredentialsSystemProperties implements AutoCloseable {

  public static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
  public static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";

  private final String previousAccessKey;
  private final String previousSecretKey;

  private AwsCredentialsSystemProperties(String previousAccessKey, String previousSecretKey) {
    this.previousAccessKey = previousAccessKey;
    this.previousSecretKey = previousSecretKey;
  }

  /** Sets both properties and remembers what they were. */
  public static AwsCredentialsSystemProperties set(String accessKey, String secretKey) {
    var previous =
        new AwsCredentialsSystemProperties(
            System.getProperty(ACCESS_KEY_PROPERTY), System.getProperty(SECRET_KEY_PROPERTY));
    System.setProperty(ACCESS_KEY_PROPERTY, accessKey);
    System.setProperty(SECRET_KEY_PROPERTY, secretKey);
    return previous;
  }

  /** Restores the previous values, clearing properties that were not set. */
  @Override
  public void close() {
    restore(ACCESS_KEY_PROPERTY, previousAccessKey);
    restore(SECRET_KEY_PROPERTY, previousSecretKey);
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
