package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.plugins.testing.S3ProxyServer;
import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import io.stratus.plugins.tiered.store.ObjectSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Tiered storage against a real S3 API: S3Proxy serves it on loopback from this JVM, and {@code
 * stratus up --object-store s3://…} runs in its own JVM with the credentials in its environment, as
 * a user would run it against any S3-compatible store. Segments leave the machine encrypted by
 * default. Adds to the shared steps: no plaintext in the bucket, an outage of the store while
 * producing, and a new replica that copies only the hot set.
 */
class S3TieredStorageE2E extends TieredStorageScenario {

  private static final String BUCKET = "stratus-segments";
  private static final Duration OUTAGE = Duration.ofMinutes(1);
  private static final String COLD_TOPIC = "archive";
  private static final long COLD_RECORDS = 10_000;

  private S3ProxyServer s3;

  @Override
  List<String> objectStoreArguments() {
    s3 = new S3ProxyServer(temp.resolve("s3")).start();
    s3.createBucket(BUCKET);
    return List.of("--object-store", s3.location(BUCKET));
  }

  @Override
  Map<String, String> objectStoreEnvironment() {
    return Map.of(
        "AWS_ACCESS_KEY_ID", s3.accessKey(),
        "AWS_SECRET_ACCESS_KEY", s3.secretKey(),
        "AWS_REGION", S3ProxyServer.REGION);
  }

  @Override
  Map<String, Long> storedObjects() throws Exception {
    Map<String, Long> objects = new TreeMap<>();
    try (var credentials = s3.exportCredentials();
        ObjectStore store = ObjectStoreLocation.parse(s3.location(BUCKET)).open()) {
      for (ObjectSummary object : store.list("clusters/" + clusterId + "/")) {
        objects.put(object.key(), object.size());
      }
    }
    return objects;
  }

  @AfterAll
  void stopObjectStore() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(10)
  void noPlaintextRecordValueIsInTheBucket() throws Exception {
    List<Path> stored = filesUnder(s3.directory().resolve(BUCKET));
    assertThat(stored).hasSizeGreaterThan(10);
    List<byte[]> samples = new ArrayList<>();
    for (long i = 0; i < RECORDS; i += RECORDS / 50) {
      // The random tail of a value: no framing or key is needed to recognise it.
      samples.add(value(i).substring(20, 84).getBytes(StandardCharsets.US_ASCII));
    }
    for (Path file : stored) {
      byte[] content = Files.readAllBytes(file);
      for (byte[] sample : samples) {
        assertThat(contains(content, sample))
            .as("%s holds plaintext of a record value", file)
            .isFalse();
      }
    }
    // The same search finds the newest records in the brokers' own (plaintext) local logs.
    byte[] newest = value(produced.get() - 1).substring(20, 84).getBytes(StandardCharsets.US_ASCII);
    boolean foundLocally = false;
    for (Path file : filesUnder(nodeDirectory(0).resolve("data"))) {
      if (file.getFileName().toString().endsWith(".log")
          && contains(Files.readAllBytes(file), newest)) {
        foundLocally = true;
      }
    }
    assertThat(foundLocally).as("the search recognises a plaintext value").isTrue();
    System.out.printf(
        "searched %d stored objects for %d values: none found%n", stored.size(), samples.size());
  }

  @Test
  @Order(11)
  void aTopicNobodyHasReadYetIsTiered() throws Exception {
    try (Admin admin = Admin.create(tenantClient())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(COLD_TOPIC, 1, (short) 3)
                      .configs(
                          Map.of(
                              TopicConfig.SEGMENT_BYTES_CONFIG,
                              String.valueOf(SEGMENT_BYTES),
                              TopicConfig.LOCAL_LOG_RETENTION_BYTES_CONFIG,
                              String.valueOf(SEGMENT_BYTES)))))
          .all()
          .get();
    }
    Properties config = producerClient();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (long i = 0; i < COLD_RECORDS; i++) {
        producer.send(new ProducerRecord<>(COLD_TOPIC, recordKey(i), value(i)));
      }
      producer.flush();
    }
    await("the start of " + COLD_TOPIC + " is only in the object store")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              try (Admin admin = Admin.create(tenantClient())) {
                TopicPartition partition = new TopicPartition(COLD_TOPIC, 0);
                long earliestLocal =
                    admin
                        .listOffsets(Map.of(partition, OffsetSpec.earliestLocal()))
                        .partitionResult(partition)
                        .get()
                        .offset();
                assertThat(earliestLocal).isGreaterThan(COLD_RECORDS / 2);
              }
            });
  }

  @Test
  @Order(12)
  void aMinuteWithoutTheObjectStoreLosesNothing() throws Exception {
    int objectsBefore = storedObjects().size();
    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong acked = new AtomicLong();
    long from = produced.get();
    s3.stop();
    long started = System.nanoTime();
    CompletableFuture<Long> producer =
        CompletableFuture.supplyAsync(() -> produceUntilStopped(from, producing, acked, failure));
    String readErrors;
    try {
      Kcat kcat = new Kcat(bootstrap(), key, secret, temp);
      readErrors = kcat.consumeErrors(COLD_TOPIC, Duration.ofSeconds(30));
      long remaining = OUTAGE.toNanos() - (System.nanoTime() - started);
      if (remaining > 0) {
        Thread.sleep(remaining / 1_000_000); // the outage itself: a minute without the store
      }
    } finally {
      s3.restart();
      producing.set(false);
    }
    long count = producer.get();
    System.out.printf("kcat reading tiered data during the outage said: %s%n", readErrors.strip());
    assertThat(readErrors)
        .as("a read of data only in the object store fails with an error")
        .containsIgnoringCase("error");
    brokerLogLinesAbout(COLD_TOPIC + "-0").stream()
        .filter(line -> line.contains("ERROR") || line.contains("WARN"))
        .limit(3)
        .forEach(line -> System.out.println("broker log during the outage: " + line));
    assertThat(failure.get()).as("a send failed during the outage").isNull();
    assertThat(acked.get()).as("every send during the outage was acknowledged").isEqualTo(count);
    assertThat(count).isPositive();
    produced.addAndGet(count);
    System.out.printf(
        "produced %d records during the %ds outage, all acknowledged%n", count, OUTAGE.toSeconds());

    await("uploads resume once the store is back")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(storedObjects().size()).isGreaterThan(objectsBefore));
    Path cold =
        new Kcat(bootstrap(), key, secret, temp).consumeToFile(COLD_TOPIC, COLD_RECORDS, "%k\\n");
    assertThat(Files.readAllLines(cold))
        .as("the cold topic reads in full after the outage")
        .hasSize((int) COLD_RECORDS);
    verifyWithKcat(produced.get());
  }

  @Test
  @Order(13)
  void aBrokerAddedTakesReplicasCopyingOnlyTheirHotSet() throws Exception {
    // What the outage step wrote must have been tiered first: a replica moved now copies whatever
    // its leader still keeps locally, and that should be only the hot set.
    awaitOnlyTheHotSetIsLocal();
    api.awaitIdle(clusterId, Duration.ofMinutes(4));
    RestClient.Answer patched = api.patch("/v1/clusters/" + clusterId, "{\"brokers\":4}", null);
    assertThat(patched.status()).as(patched.body().toString()).isEqualTo(202);
    api.awaitReady(
        clusterId, 4, patched.body().path("resourceVersion").asLong(), Duration.ofMinutes(4));
    JsonNode balance =
        await("the balancer gives broker 3 its share and finishes")
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> api.get("/v1/clusters/" + clusterId + "/balance").body(),
                b ->
                    b.at("/lastPlan/trigger").asText().contains("broker 3 added")
                        && b.at("/progress/finishedAt").isTextual());
    System.out.printf("plan for the new broker: %s%n", balance.path("lastPlan"));
    assertThat(balance.at("/progress/phase").asText()).isEqualTo("DONE");

    // Bytes of log segments each new replica holds: what it fetched from its leader. (Index files
    // are preallocated, so their size on disk says nothing about what was copied.)
    Map<String, Long> copied = new TreeMap<>();
    try (var dirs = Files.list(nodeDirectory(3).resolve("data"))) {
      for (Path dir :
          dirs.filter(d -> d.getFileName().toString().startsWith(TOPIC + "-")).toList()) {
        copied.put(
            dir.getFileName().toString(),
            filesUnder(dir).stream()
                .filter(f -> f.getFileName().toString().endsWith(".log"))
                .mapToLong(TieredStorageScenario::sizeOf)
                .sum());
      }
    }
    assertThat(copied).as("replicas of %s the balancer gave broker 3", TOPIC).isNotEmpty();
    // The whole of each moved partition, local and tiered: records times their size in a batch.
    long perPartition = produced.get() / PARTITIONS * (VALUE_BYTES + 20);
    long whole = perPartition * copied.size();
    long bytesCopied = copied.values().stream().mapToLong(Long::longValue).sum();
    long planned = balance.at("/lastPlan/bytesToMove").asLong();
    System.out.printf(
        "broker 3 got %d replicas of %s and copied %d bytes (%s); the plan counted %d local bytes"
            + " for all its moves; the moved partitions' whole size is about %d bytes (%.1f%%"
            + " copied)%n",
        copied.size(), TOPIC, bytesCopied, copied, planned, whole, 100.0 * bytesCopied / whole);
    assertThat(bytesCopied)
        .as("bytes copied to the new replicas")
        .isPositive()
        .isLessThan(whole / 10);
    assertThat(countFromBeginning()).isEqualTo(produced.get());
  }

  private long produceUntilStopped(
      long from, AtomicBoolean producing, AtomicLong acked, AtomicReference<Exception> failure) {
    long sent = 0;
    try {
      Properties config = producerClient();
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
        while (producing.get()) {
          long i = from + sent;
          producer.send(
              new ProducerRecord<>(TOPIC, recordKey(i), value(i)),
              (metadata, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                } else {
                  acked.incrementAndGet();
                }
              });
          sent++;
          if (sent % 100 == 0) {
            // About 1 MB/s: a steady load, not a flood the outage would have to absorb.
            producer.flush();
            Thread.sleep(100);
          }
        }
        producer.flush();
      }
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
    return sent;
  }

  private List<String> brokerLogLinesAbout(String partition) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    for (int node = 0; node < 3; node++) {
      Path log = nodeDirectory(node).resolve("logs").resolve("server.log");
      if (Files.exists(log)) {
        Files.readAllLines(log).stream().filter(l -> l.contains(partition)).forEach(lines::add);
      }
    }
    return lines;
  }

  /** The platform's own login on the internal listener, from the cluster's layout. */
  private Properties internalClient() throws Exception {
    return InternalClient.properties(data, clusterId);
  }
}
