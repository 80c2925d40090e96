package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import io.stratus.cli.bench.RunGuard;
import io.stratus.cli.wait.ProgressLine;
import io.stratus.cli.wait.Sleeper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import picocli.CommandLine.ExitCode;

/**
 * One run of {@code stratus bench tiered-storage}: starts a one-broker cluster tiering to a
 * directory, writes the same data to a local-only and a tiered topic, waits until the tiered one
 * has left the broker, reads both from offset 0 (the tiered one twice: chunk cache cold, then
 * warm), stops the broker, and then uploads the local-only topic's closed segments with the plugin
 * in this JVM. Progress goes to stderr. Whatever happens, the broker is stopped; the bench's files
 * are deleted, except after the broker failed while running, for a look at its log. Not
 * thread-safe; one run at a time.
 */
final class TieredBenchRun {

  private static final Duration TIERING_TIMEOUT = Duration.ofMinutes(5);

  /** Reads of the local topic, and warm reads of the tiered one, whose median is reported. */
  static final int READS = 3;

  /** Files per MB written: both topics on the broker, two object stores, the upload's copies. */
  private static final int DISK_PER_MEGABYTE = 5;

  /**
   * What the run uses.
   *
   * @param kafkaHome the Kafka runtimes
   * @param pluginsHome the tiered-storage broker plugin's jars
   * @param settings what to write, and whether to encrypt
   * @param brokerOverrides broker settings on top of the platform's
   */
  record Setup(
      Path kafkaHome,
      Path pluginsHome,
      BenchSettings settings,
      Map<String, String> brokerOverrides) {}

  private final Setup setup;
  private final RunGuard guard;
  private final Clock clock;
  private final Sleeper sleeper;
  private final PrintWriter err;
  private final ProgressLine progress;

  TieredBenchRun(
      Setup setup,
      RunGuard guard,
      Clock clock,
      Sleeper sleeper,
      PrintWriter err,
      ProgressLine progress) {
    this.setup = setup;
    this.guard = guard;
    this.clock = clock;
    this.sleeper = sleeper;
    this.err = err;
    this.progress = progress;
  }

  /**
   * Runs once.
   *
   * @throws StratusCliException when a step fails; the message says which and where the files are
   */
  TieredBenchFigures run() throws InterruptedException {
    BenchSettings settings = setup.settings();
    WorkDirectory work = WorkDirectory.create();
    requireRoom(work, settings);
    Path objectStore = work.directory("object-store");
    Optional<Path> key;
    BenchCluster cluster;
    try {
      key =
          settings.encryption() == Encryption.ON
              ? Optional.of(
                  MasterKeyFile.generate(work.root().resolve("master.key"), new SecureRandom()))
              : Optional.empty();
      cluster =
          BenchCluster.create(
              work.directory("clusters"), setup.kafkaHome(), setup.pluginsHome(), objectStore, key);
    } catch (RuntimeException e) {
      work.delete();
      throw e;
    }
    guard.watch(
        () -> {
          cluster.stop(false);
          work.delete();
        });
    // Whether a failure now leaves something to look at: the files of a broker that ran.
    boolean brokerFilesWorthKeeping = false;
    boolean completed = false;
    try {
      note("starting a 1-broker Kafka cluster tiering to " + objectStore);
      cluster.provisionAndStart(setup.brokerOverrides());
      brokerFilesWorthKeeping = true;
      Measured measured = measureCluster(cluster, objectStore, work);
      cluster.stop(false);
      brokerFilesWorthKeeping = false;
      note(
          "uploading the "
              + measured.segments().size()
              + " closed segments of topic "
              + BenchTopics.LOCAL_ONLY
              + " with the plugin in this JVM (broker stopped)");
      PluginUpload.Result upload =
          new PluginUpload(clock)
              .upload(
                  measured.segments(),
                  work.directory("upload-store"),
                  work.directory("upload-cache"),
                  key);
      completed = true;
      return new TieredBenchFigures(
          measured.produce(),
          upload,
          measured.localRead(),
          measured.coldRead(),
          measured.warmRead(),
          measured.tiering(),
          measured.tieringTime());
    } catch (StratusCliException | KafkaException e) {
      if (guard.shuttingDown()) {
        throw new StratusCliException("interrupted; the broker under test was stopped");
      }
      String kept =
          brokerFilesWorthKeeping
              ? "\nThe broker's files are kept in "
                  + work.root()
                  + " (its log: "
                  + cluster.brokerLog()
                  + "); delete the directory when done."
              : "";
      throw new StratusCliException(
          e.getMessage() + kept,
          e instanceof StratusCliException failure ? failure.exitCode() : ExitCode.SOFTWARE,
          e);
    } finally {
      progress.finish();
      boolean keep = brokerFilesWorthKeeping && !completed;
      cluster.stop(keep);
      if (!keep && !work.delete()) {
        note("could not delete all of " + work.root() + "; delete it by hand");
      }
      guard.release();
    }
  }

  /** What was measured against the running broker. */
  private record Measured(
      Measurement produce,
      TieringProgress tiering,
      Duration tieringTime,
      Measurement localRead,
      Measurement coldRead,
      Measurement warmRead,
      List<SegmentCopy> segments) {}

  private Measured measureCluster(BenchCluster cluster, Path objectStore, WorkDirectory work)
      throws InterruptedException {
    BenchSettings settings = setup.settings();
    int partitions = settings.partitions();
    long records = settings.records();
    Map<String, Object> client = cluster.clientConfig();
    try (Admin admin = Admin.create(client)) {
      BenchAdmin bench = new BenchAdmin(admin, sleeper, progress);
      Duration brokerUp = bench.awaitBroker(cluster);
      note(String.format(Locale.ROOT, "broker up after %.1fs", brokerUp.toMillis() / 1000.0));
      Map<String, Uuid> topicIds = bench.createTopics(partitions);
      CpuMeter cpu = new CpuMeter(cluster.brokerPid());

      note(
          String.format(
              Locale.ROOT,
              "writing %d MB (%d records) to topic %s, then to topic %s",
              settings.megabytes(),
              records,
              BenchTopics.LOCAL_ONLY,
              BenchTopics.TIERED));
      TopicProducer producer = new TopicProducer(client);
      Measurement produce =
          measure(cpu, () -> producer.produce(BenchTopics.LOCAL_ONLY, partitions, records))
              .plus(measure(cpu, () -> producer.produce(BenchTopics.TIERED, partitions, records)));
      long written = System.nanoTime();
      note(String.format(Locale.ROOT, "written at %.1f MB/s", produce.megabytesPerSecond()));

      TieringProgress tiering =
          new TieringWatch(admin, cluster, objectStore, sleeper, progress)
              .await(BenchTopics.TIERED, partitions, TIERING_TIMEOUT);
      Duration tieringTime = Duration.ofNanos(System.nanoTime() - written);
      note("tiered: " + tiering.describe());

      TopicReader reader = new TopicReader(client);
      note("reading topic " + BenchTopics.LOCAL_ONLY + " once to warm up this JVM's consumer");
      reader.readAll(BenchTopics.LOCAL_ONLY, partitions, records);
      Measurement localRead = reads(cpu, reader, BenchTopics.LOCAL_ONLY, "local", READS);
      // Once only: the first read fills the chunk cache, so there is one cold read per run.
      Measurement coldRead = reads(cpu, reader, BenchTopics.TIERED, "remote, cold cache", 1);
      Measurement warmRead = reads(cpu, reader, BenchTopics.TIERED, "remote, warm cache", READS);

      List<SegmentCopy> segments =
          PluginUpload.copyClosedSegments(
              BenchTopics.LOCAL_ONLY,
              topicIds.get(BenchTopics.LOCAL_ONLY),
              partitions,
              partition -> cluster.partitionDirectory(BenchTopics.LOCAL_ONLY, partition),
              work.directory("upload-segments"));
      return new Measured(produce, tiering, tieringTime, localRead, coldRead, warmRead, segments);
    }
  }

  /** Reads {@code topic} {@code times} times; returns the read with the median throughput. */
  private Measurement reads(
      CpuMeter cpu, TopicReader reader, String topic, String kind, int times) {
    BenchSettings settings = setup.settings();
    List<Measurement> reads = new ArrayList<>();
    for (int read = 1; read <= times; read++) {
      Measurement measured =
          measure(cpu, () -> reader.readAll(topic, settings.partitions(), settings.records()));
      reads.add(measured);
      note(
          String.format(
              Locale.ROOT,
              "read topic %s (%s%s) at %.1f MB/s",
              topic,
              kind,
              times > 1 ? ", " + read + " of " + times : "",
              measured.megabytesPerSecond()));
    }
    return Measurement.median(reads);
  }

  private static Measurement measure(CpuMeter cpu, Supplier<Throughput> step) {
    CpuTime before = cpu.now();
    Throughput throughput = step.get();
    return new Measurement(throughput, cpu.now().since(before));
  }

  private static void requireRoom(WorkDirectory work, BenchSettings settings) {
    long needed = (long) settings.megabytes() * DISK_PER_MEGABYTE * 1024 * 1024;
    long usable = work.usableBytes();
    if (usable < needed) {
      work.delete();
      throw new StratusCliException(
          String.format(
              Locale.ROOT,
              "the bench needs about %d MB free in %s for %d MB per topic, but %d MB are free;"
                  + " give fewer --megabytes, or set -Djava.io.tmpdir to a larger file system",
              needed >> 20,
              work.root().getParent(),
              settings.megabytes(),
              usable >> 20));
    }
  }

  private void note(String line) {
    err.println(line);
    err.flush();
  }
}
