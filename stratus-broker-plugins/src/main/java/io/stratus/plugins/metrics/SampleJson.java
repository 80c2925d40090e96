package io.stratus.plugins.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link SampleBatch} as the JSON record value of the samples topic, format {@value
 * #VERSION}:
 *
 * <pre>{@code
 * {"version":1,"broker":0,"timestampMs":1700000000000,"intervalMs":10000,
 *  "partitions":[{"topic":"orders","partition":0,"leader":true,"localBytes":1048576,
 *                 "logEndOffset":5120,"bytesInPerSecond":2048.0,"bytesOutPerSecond":4096.0,
 *                 "remoteBytes":0}]}
 * }</pre>
 *
 * {@code remoteBytes} is left out when the broker does not know it. Readers ignore fields they do
 * not know, and reject other versions. Uses the Jackson that Kafka ships with the broker.
 * Thread-safe.
 */
public final class SampleJson {

  /** The format version written; bumped when a reader could misread a new record. */
  public static final int VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();

  private SampleJson() {}

  /** The batch as UTF-8 JSON. */
  public static byte[] encode(SampleBatch batch) {
    var out = new ByteArrayOutputStream(256 + 160 * batch.partitions().size());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("version", VERSION);
      json.writeNumberField("broker", batch.broker());
      json.writeNumberField("timestampMs", batch.timestampMs());
      json.writeNumberField("intervalMs", batch.intervalMs());
      json.writeArrayFieldStart("partitions");
      for (PartitionSample sample : batch.partitions()) {
        json.writeStartObject();
        json.writeStringField("topic", sample.topic());
        json.writeNumberField("partition", sample.partition());
        json.writeBooleanField("leader", sample.leader());
        json.writeNumberField("localBytes", sample.localBytes());
        json.writeNumberField("logEndOffset", sample.logEndOffset());
        json.writeNumberField("bytesInPerSecond", sample.bytesInPerSecond());
        json.writeNumberField("bytesOutPerSecond", sample.bytesOutPerSecond());
        if (sample.remoteBytes().isPresent()) {
          json.writeNumberField("remoteBytes", sample.remoteBytes().getAsLong());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      // Writing to memory does not fail; this is here for the checked signature only.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
