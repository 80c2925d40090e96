package io.stratus.plugins.tiered.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stratus.plugins.testing.AwsCredentialsSystemProperties;
import io.stratus.plugins.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against S3Proxy: the store contract, then what only S3 has. */
class S3ObjectStoreIT extends ObjectStoreContract {

  private static final String BUCKET = "stratus-tiered";
  private static final int MIB = 1024 * 1024;
  private static final AtomicInteger TESTS = new AtomicInteger();

  private static S3ProxyServer s3;
  private static AwsCredentialsSystemProperties credentials;

  private final List<ObjectStore> opened = new ArrayList<>();
  private String testPrefix;
  private ObjectStore store;

  @BeforeAll
  static void startS3() {
    s3 = new S3ProxyServer().start();
    credentials = s3.exportCredentials();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() {
    credentials.close();
    s3.close();
  }

  @BeforeEach
  void openStore() {
    // Every test has its own prefix, so each starts with an empty store in the shared bucket.
    testPrefix = "test-" + TESTS.incrementAndGet();
    store = open(testPrefix);
  }

  @AfterEach
  void closeStores() {
    if (!s3.isRunning()) {
      s3.start(); // a failed outage test must not take the next tests down with it
    }
    opened.forEach(ObjectStore::close);
  }

  @Override
  ObjectStore store() {
    return store;
  }

  @Test
  void theLocationStringOpensAStoreOnTheBucket() throws Exception {
    ObjectStore fromLocation =
        track(ObjectStoreLocation.parse(s3.location(BUCKET, testPrefix)).open());

    fromLocation.put("a/b", bytes("hello"));

    assertThat(fromLocation).isInstanceOf(S3ObjectStore.class);
    assertThat(store.readAll("a/b")).isEqualTo(bytes("hello"));
    assertThat(fromLocation.describe())
        .isEqualTo("s3://" + BUCKET + "/" + testPrefix + " at " + s3.endpoint())
        .doesNotContain(s3.secretKey());
  }

  @Test
  void keysLiveUnderTheLocationPrefixAndListStripsIt() throws Exception {
    ObjectStore tenantA = open(testPrefix + "/tenant-a");
    ObjectStore tenantB = open(testPrefix + "/tenant-b");

    tenantA.put("segment.log", bytes("a"));
    tenantB.put("segment.log", bytes("bb"));

    assertThat(tenantA.list("")).containsExactly(new ObjectSummary("segment.log", 1));
    assertThat(tenantB.readAll("segment.log")).isEqualTo(bytes("bb"));
    assertThat(store.list(""))
        .containsExactly(
            new ObjectSummary("tenant-a/segment.log", 1),
            new ObjectSummary("tenant-b/segment.log", 2));
  }

  @Test
  void listFollowsEveryPage() throws Exception {
    var smallPages =
        track(
            new S3ObjectStore(
                location(testPrefix), DefaultCredentialsProvider.builder().build(), 3));
    List<String> keys = IntStream.range(0, 10).mapToObj(i -> "p/" + (char) ('j' - i)).toList();
    for (String key : keys) {
      smallPages.put(key, bytes(key));
    }

    assertThat(smallPages.list("p/"))
        .extracting(ObjectSummary::key)
        .containsExactlyElementsOf(keys.stream().sorted().toList());
    try (S3Client client = rawClient()) {
      assertThat(
              client
                  .listObjectsV2(
                      request -> request.bucket(BUCKET).prefix(testPrefix + "/p/").maxKeys(3))
                  .isTruncated())
          .as("S3Proxy splits 10 keys into pages of 3, so the store had to follow them")
          .isTrue();
    }
  }

  @Test
  void aFileOfAtLeastOnePartGoesUpInPartsAndReadsBackByteForByte() throws Exception {
    var partSize = 5 * MIB;
    var multipart = open(location(testPrefix, partSize));
    byte[] content = randomBytes(4 * partSize + 1234, 42);
    Path file = Files.write(scratch.resolve("segment.log"), content);

    multipart.upload("topic-0/segment.log", file);

    assertThat(eTag("topic-0/segment.log")).as("multipart ETags end in -<parts>").endsWith("-5\"");
    assertThat(multipart.list("topic-0/"))
        .containsExactly(new ObjectSummary("topic-0/segment.log", content.length));
    assertThat(multipart.readAll("topic-0/segment.log")).isEqualTo(content);
    for (int boundary = partSize; boundary < content.length; boundary += partSize) {
      assertThat(multipart.read("topic-0/segment.log", boundary - 100, 200))
          .as("200 bytes across the part boundary at %d", boundary)
          .isEqualTo(slice(content, boundary - 100, 200));
    }
    assertThat(multipart.read("topic-0/segment.log", content.length - 10, 1000))
        .isEqualTo(slice(content, content.length - 10, 10));
  }

  @Test
  void aFileSmallerThanOnePartGoesUpInOneRequest() throws Exception {
    Path file = Files.write(scratch.resolve("index"), randomBytes(MIB, 7));

    store.upload("topic-0/index", file);

    assertThat(eTag("topic-0/index")).doesNotContain("-");
    assertThat(store.readAll("topic-0/index")).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void uploadingAMissingFileSaysWhichFile() {
    Path missing = scratch.resolve("gone.log");

    assertThatThrownBy(() -> store.upload("gone.log", missing))
        .isExactlyInstanceOf(ObjectStoreException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aMissingBucketIsAConfigurationErrorNotAMissingObject() {
    ObjectStore nowhere =
        track(ObjectStoreLocation.parse(s3.location("no-such-bucket", "tiered")).open());

    assertThatThrownBy(() -> nowhere.readAll("segment.log"))
        .isExactlyInstanceOf(ObjectStoreException.class)
        .hasMessageContaining("s3://no-such-bucket/tiered at " + s3.endpoint())
        .hasMessageContaining("bucket does not exist")
        .hasMessageContaining("NoSuchBucket");
  }

  @Test
  void wrongCredentialsAreRefusedAndNotRepeated() {
    var wrongSecret =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(s3.accessKey(), "not-the-secret-key"));
    ObjectStore refused = track(new S3ObjectStore(location(testPrefix), wrongSecret, 1000));

    assertThatThrownBy(() -> refused.put("segment.log", bytes("x")))
        .isExactlyInstanceOf(ObjectStoreException.class)
        .hasMessageContaining("could not put segment.log in s3://" + BUCKET)
        .hasMessageContaining("S3 answered 403")
        .hasMessageNotContaining("not-the-secret-key")
        .hasMessageNotContaining(s3.secretKey());
  }

  @Test
  void anOutageIsReportedWithinSecondsAndTheObjectsAreBackAfterIt() throws Exception {
    byte[] content = randomBytes(10_000, 9);
    store.put("topic-0/segment.log", content);

    s3.stop();

    assertUnavailableWithinSeconds(() -> store.readAll("topic-0/segment.log"));
    assertUnavailableWithinSeconds(() -> store.read("topic-0/segment.log", 0, 10));
    assertUnavailableWithinSeconds(() -> store.put("topic-0/other.log", content));
    assertUnavailableWithinSeconds(() -> store.list("topic-0/"));
    assertUnavailableWithinSeconds(() -> store.delete(List.of("topic-0/segment.log")));

    s3.restart();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(store.readAll("topic-0/segment.log")).isEqualTo(content));
    store.put("topic-0/other.log", content);
    assertThat(store.list("topic-0/")).extracting(ObjectSummary::key).hasSize(2);
  }

  private void assertUnavailableWithinSeconds(ThrowingCallable operation) {
    long started = System.nanoTime();

    assertThatThrownBy(operation)
        .isInstanceOf(ObjectStoreUnavailableException.class)
        .hasMessageContaining(s3.endpoint().toString())
        .hasMessageContaining("the store did not answer");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as(
            "time to report the outage (connection refused, %d attempts)",
            S3Clients.MAXIMUM_ATTEMPTS)
        .isLessThan(Duration.ofSeconds(10));
  }

  private String eTag(String key) {
    try (S3Client client = rawClient()) {
      return client
          .headObject(request -> request.bucket(BUCKET).key(testPrefix + "/" + key))
          .eTag();
    }
  }

  /** A client on the bucket itself, to look past the store at what S3 holds. */
  private S3Client rawClient() {
    return S3Clients.create(location(testPrefix), DefaultCredentialsProvider.builder().build());
  }

  private ObjectStore open(String prefix) {
    return open(location(prefix));
  }

  private ObjectStore open(ObjectStoreLocation.S3 location) {
    return track(location.open());
  }

  private <T extends ObjectStore> T track(T opened) {
    this.opened.add(opened);
    return opened;
  }

  private static ObjectStoreLocation.S3 location(String prefix) {
    return (ObjectStoreLocation.S3) ObjectStoreLocation.parse(s3.location(BUCKET, prefix));
  }

  private static ObjectStoreLocation.S3 location(String prefix, long partSize) {
    var location = location(prefix);
    return new ObjectStoreLocation.S3(
        location.bucket(),
        location.prefix(),
        location.endpoint(),
        location.region(),
        location.pathStyle(),
        partSize);
  }
}
