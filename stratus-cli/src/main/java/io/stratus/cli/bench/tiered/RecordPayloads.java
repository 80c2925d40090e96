package io.stratus.cli.bench.tiered;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The keys and values the bench writes: an 8-byte key (the record's number) and a 1 KiB value whose
 * first half is random bytes and second half repetitive text, so that compression in the tiered
 * storage plugin has about as much to do as with real data. The same seed gives the same records,
 * so both topics hold the same bytes. Not thread-safe.
 */
final class RecordPayloads {

  static final int KEY_BYTES = Long.BYTES;
  static final int VALUE_BYTES = 1024;
  static final int RECORD_BYTES = KEY_BYTES + VALUE_BYTES;

  private static final int RANDOM_BYTES = VALUE_BYTES / 2;
  private static final byte[] TEXT =
      ("{\"event\":\"page_view\",\"site\":\"shop.example.com\",\"path\":\"/catalog/items\","
              + "\"agent\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"status\":200} ")
          .repeat(8)
          .substring(0, VALUE_BYTES - RANDOM_BYTES)
          .getBytes(StandardCharsets.US_ASCII);

  private final SplittableRandom random;
  private final byte[] noise = new byte[RANDOM_BYTES];

  RecordPayloads(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The key of record {@code number}: the number as 8 big-endian bytes. */
  static byte[] key(long number) {
    return ByteBuffer.allocate(KEY_BYTES).putLong(number).array();
  }

  /** The next value: {@value #VALUE_BYTES} bytes, random then repetitive. */
  byte[] nextValue() {
    random.nextBytes(noise);
    byte[] value = new byte[VALUE_BYTES];
    System.arraycopy(noise, 0, value, 0, RANDOM_BYTES);
    System.arraycopy(TEXT, 0, value, RANDOM_BYTES, TEXT.length);
    return value;
  }
}
