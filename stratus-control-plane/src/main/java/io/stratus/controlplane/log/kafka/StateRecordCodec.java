package io.stratus.controlplane.log.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stratus.api.DesiredEvent;
import io.stratus.api.StatusEvent;
import io.stratus.api.StratusJson;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.StatusRecord;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Kafka form of state records: the resource key as a UTF-8 string, the event as {@link
 * StratusJson} bytes, and a null value for a tombstone. Stateless and thread-safe.
 */
final class StateRecordCodec {

  private StateRecordCodec() {}

  /** The record value; null for a tombstone. */
  static byte[] encode(DesiredRecord record) {
    if (record instanceof DesiredRecord.Put put) {
      try {
        return StratusJson.mapper().writeValueAsBytes(put.event());
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot write a desired event as JSON", e);
      }
    }
    return null;
  }

  /**
   * The desired record with this key and value.
   *
   * @throws IOException if the value is not a desired event
   */
  static DesiredRecord decodeDesired(String key, byte[] value) throws IOException {
    return value == null
        ? new DesiredRecord.Tombstone(key)
        : new DesiredRecord.Put(StratusJson.mapper().readValue(value, DesiredEvent.class));
  }

  /**
   * The status record with this key and value.
   *
   * @throws IOException if the value is not a status event
   */
  static StatusRecord decodeStatus(String key, byte[] value) throws IOException {
    return value == null
        ? new StatusRecord.Tombstone(key)
        : new StatusRecord.Put(StratusJson.mapper().readValue(value, StatusEvent.class));
  }
}
