package io.stratus.plugins.testing;

import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3 API on loopback inside the test JVM: S3Proxy over a directory, so objects survive {@link
 * #stop()} and {@link #restart()} (which binds the same port again). Use it to run the S3 store
 * against a real S3 protocol, and to simulate an outage: while stopped, clients get connection
 * refused. Requests are signed with the fixed {@link #accessKey()} and {@link #secretKey()}; {@link
 * #exportCredentials()} hands them to the AWS SDK's default credential chain.
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = new S3ProxyServer().start();
 *     AwsCredentialsSystemProperties credentials = s3.exportCredentials()) {
 *   s3.createBucket("segments");
 *   ObjectStore store = ObjectStoreLocation.parse(s3.location("segments", "cluster-1")).open();
 * }
 * }</pre>
 *
 * <p>Other modules get it from this module's test-jar ({@code <classifier>tests</classifier>}) and
 * must also declare {@code org.gaul:s3proxy} with test scope.
 *
 * <p>Not thread-safe: start, stop and restart it from one test thread (the server itself serves
 * concurrent requests).
 */
public final class S3ProxyServer implements AutoCloseable {

  /** The signing region {@link #location} puts in locations; S3Proxy accepts any. */
  public static final String REGION = "us-east-1";

  private static final String ACCESS_KEY = "stratus-test-access-key";
  private static final String SECRET_KEY = "stratus-test-secret-key";
  private static final String LOOPBACK = "127.0.0.1";
  // No graceful stop: an outage drops open connections instead of waiting for them.
  private static final long STOP_TIMEOUT_MILLIS = 0;

  private final Path directory;
  private final boolean ownsDirectory;
  private int port;
  private S3Proxy proxy;
  private BlobStore blobStore;

  /** A server over a fresh temporary directory, deleted by {@link #close()}. */
  public S3ProxyServer() {
    this(createTemporaryDirectory(), true);
  }

  /** A server over {@code directory} (created if missing), which {@link #close()} leaves. */
  public S3ProxyServer(Path directory) {
    this(directory, false);
  }

  private S3ProxyServer(Path directory, boolean ownsDirectory) {
    this.directory = directory.toAbsolutePath();
    this.ownsDirectory = ownsDirectory;
  }

  /**
   * Starts on the port it had before, or on a free loopback port the first time.
   *
   * @return this server, for chaining
   */
  public S3ProxyServer start() {
    return start(port);
  }

  /**
   * Starts on {@code port} (0 for any free one).
   *
   * @throws IllegalStateException if it is already running or the port cannot be bound
   */
  public S3ProxyServer start(int port) {
    if (proxy != null) {
      throw new IllegalStateException("S3Proxy is already running at " + endpoint());
    }
    BlobStore store = new FilesystemNio2BlobStore(createDirectories(directory).toString());
    S3Proxy server =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://" + LOOPBACK + ":" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .stopTimeout(STOP_TIMEOUT_MILLIS)
            .build();
    try {
      server.start();
    } catch (Exception e) {
      store.close();
      throw new IllegalStateException(
          "could not start S3Proxy on " + LOOPBACK + ":" + port + " over " + directory, e);
    }
    this.proxy = server;
    this.blobStore = store;
    this.port = server.getPort();
    return this;
  }

  /** Stops serving: connections are refused until {@link #start()}. Stored objects are kept. */
  public void stop() {
    if (proxy == null) {
      return;
    }
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop S3Proxy at " + endpoint(), e);
    } finally {
      blobStore.close();
      proxy = null;
      blobStore = null;
    }
  }

  /** Stops (if running) and starts again on the same port, over the same objects. */
  public void restart() {
    stop();
    start();
  }

  public boolean isRunning() {
    return proxy != null;
  }

  /**
   * {@code http://127.0.0.1:PORT}.
   *
   * @throws IllegalStateException if it has never been started
   */
  public URI endpoint() {
    if (port == 0) {
      throw new IllegalStateException("S3Proxy has not been started, so it has no port yet");
    }
    return URI.create("http://" + LOOPBACK + ":" + port);
  }

  public int port() {
    return port;
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  /** Where the objects are kept on disk (one subdirectory per bucket). */
  public Path directory() {
    return directory;
  }

  /**
   * Creates a bucket (nothing happens if it exists).
   *
   * @throws IllegalStateException if the server is not running
   */
  public void createBucket(String bucket) {
    if (blobStore == null) {
      throw new IllegalStateException("start S3Proxy before creating bucket " + bucket);
    }
    if (!blobStore.containerExists(bucket)) {
      blobStore.createContainer(bucket);
    }
  }

  /** An {@link ObjectStoreLocation} string for the whole of {@code bucket}. */
  public String location(String bucket) {
    return location(bucket, "");
  }

  /**
   * An {@link ObjectStoreLocation} string for {@code bucket} under {@code prefix} on this server:
   * {@code s3://bucket/prefix?endpoint=http://127.0.0.1:PORT&region=us-east-1&pathStyle=true}.
   */
  public String location(String bucket, String prefix) {
    return new ObjectStoreLocation.S3(
            bucket,
            prefix,
            Optional.of(endpoint()),
            Optional.of(REGION),
            true,
            ObjectStoreLocation.S3.DEFAULT_PART_SIZE)
        .asString();
  }

  /**
   * Puts this server's keys in the system properties the AWS SDK's default credential chain reads
   * first; closing the result puts back what was there.
   */
  public AwsCredentialsSystemProperties exportCredentials() {
    return AwsCredentialsSystemProperties.set(ACCESS_KEY, SECRET_KEY);
  }

  /** Stops the server and deletes its directory if it created it. */
  @Override
  public void close() {
    stop();
    if (ownsDirectory) {
      deleteRecursively(directory);
    }
  }

  private static Path createTemporaryDirectory() {
    try {
      return Files.createTempDirectory("s3proxy-");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a directory for S3Proxy", e);
    }
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create S3Proxy's directory " + directory, e);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete S3Proxy's directory " + directory, e);
    }
  }
}
