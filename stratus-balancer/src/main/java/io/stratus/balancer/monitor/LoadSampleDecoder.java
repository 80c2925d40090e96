package io.stratus.balancer.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratus.balancer.BalancerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the records of the samples topic: JSON batches written by the brokers' load reporter,
 * format version {@value #VERSION}:
 *
 * <pre>{@code
 * {"version":1,"broker":0,"timestampMs":1700000000000,"intervalMs":10000,
 *  "partitions":[{"topic":"orders","partition":0,"leader":true,"localBytes":1048576,
 *                 "logEndOffset":5120,"bytesInPerSecond":2048.0,"bytesOutPerSecond":4096.0,
 *                 "remoteBytes":0}]}
 * }</pre>
 *
 * Fields it does not know are ignored; {@code remoteBytes} may be absent. Pure; thread-safe.
 */
public final class LoadSampleDecoder {

  /** The format version this monitor reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadSampleDecoder() {}

  /**
   * The samples of one record, one per partition.
   *
   * @throws BalancerException if the record is not a batch of this version, naming what is wrong
   */
  public static List<PartitionLoadSample> decode(byte[] value) {
    if (value == null) {
      throw new BalancerException("load sample record has no value");
    }
    JsonNode batch;
    try {
      batch = JSON.readTree(value);
    } catch (IOException e) {
      throw new BalancerException("load sample record is not JSON: " + e.getMessage(), e);
    }
    if (batch == null || !batch.isObject()) {
      throw new BalancerException("load sample record is not a JSON object");
    }
    int version = integer(batch, "version");
    if (version != VERSION) {
      throw new BalancerException(
          "load sample format version "
              + version
              + " is not supported; this monitor reads version "
              + VERSION);
    }
    int broker = integer(batch, "broker");
    long timestampMs = natural(batch, "timestampMs");
    JsonNode partitions = batch.get("partitions");
    if (partitions == null || !partitions.isArray()) {
      throw new BalancerException("load sample record has no 'partitions' array");
    }
    var samples = new ArrayList<PartitionLoadSample>(partitions.size());
    for (JsonNode partition : partitions) {
      JsonNode topic = partition.get("topic");
      if (topic == null || !topic.isTextual() || topic.asText().isEmpty()) {
        throw new BalancerException("load sample has no 'topic'");
      }
      JsonNode leader = partition.get("leader");
      if (leader == null || !leader.isBoolean()) {
        throw new BalancerException("load sample has no boolean 'leader'");
      }
      JsonNode remote = partition.get("remoteBytes");
      samples.add(
          new PartitionLoadSample(
              broker,
              timestampMs,
              topic.asText(),
              integer(partition, "partition"),
              leader.asBoolean(),
              natural(partition, "localBytes"),
              natural(partition, "logEndOffset"),
              rate(partition, "bytesInPerSecond"),
              rate(partition, "bytesOutPerSecond"),
              remote == null || remote.isNull()
                  ? OptionalLong.empty()
                  : OptionalLong.of(natural(partition, "remoteBytes"))));
    }
    return samples;
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new BalancerException("load sample has no integer '" + field + "'");
    }
    return value.asInt();
  }

  private static long natural(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new BalancerException("load sample has no integer '" + field + "'");
    }
    long number = value.asLong();
    if (number < 0) {
      throw new BalancerException(
          "load sample's '" + field + "' must not be negative, was " + number);
    }
    return number;
  }

  private static double rate(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new BalancerException("load sample has no number '" + field + "'");
    }
    double rate = value.asDouble();
    if (!Double.isFinite(rate) || rate < 0) {
      throw new BalancerException(
          "load sample's '" + field + "' must be a finite rate of 0 or more, was " + rate);
    }
    return rate;
  }
}
