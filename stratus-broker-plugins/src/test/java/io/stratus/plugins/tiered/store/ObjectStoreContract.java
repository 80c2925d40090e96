package io.stratus.plugins.tiered.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStore} must do, whatever holds the bytes. A backend's test extends this
 * and returns a fresh, empty store from {@link #store()}.
 */
abstract class ObjectStoreContract {

  @TempDir Path scratch;

  /** An empty store, the same one for the whole test. */
  abstract ObjectStore store();

  @Test
  void putThenReadAllReturnsTheSameBytes() throws Exception {
    byte[] content = randomBytes(10_000, 1);

    store().put("topic-0/00000000000000000000.log", content);

    assertThat(store().readAll("topic-0/00000000000000000000.log")).isEqualTo(content);
  }

  @Test
  void putReplacesTheWholeObject() throws Exception {
    store().put("manifest.json", bytes("a longer first version"));

    store().put("manifest.json", bytes("second"));

    assertThat(store().readAll("manifest.json")).isEqualTo(bytes("second"));
  }

  @Test
  void uploadStoresTheFileContent() throws Exception {
    Path file = Files.write(scratch.resolve("segment.log"), randomBytes(64 * 1024, 2));

    store().upload("topic-0/segment.log", file);

    assertThat(store().readAll("topic-0/segment.log")).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void anEmptyObjectIsStoredAndReadAsEmpty() throws Exception {
    store().put("empty", new byte[0]);

    assertThat(store().readAll("empty")).isEmpty();
    assertThat(store().read("empty", 0, 10)).isEmpty();
    assertThat(store().list("")).containsExactly(new ObjectSummary("empty", 0));
  }

  @Test
  void readReturnsExactlyTheRequestedRange() throws Exception {
    byte[] content = randomBytes(1_000, 3);
    store().put("object", content);

    assertThat(store().read("object", 0, 10)).isEqualTo(slice(content, 0, 10));
    assertThat(store().read("object", 500, 123)).isEqualTo(slice(content, 500, 123));
    assertThat(store().read("object", 999, 1)).isEqualTo(slice(content, 999, 1));
  }

  @Test
  void aRangePastTheEndReturnsOnlyTheBytesThere() throws Exception {
    byte[] content = randomBytes(100, 4);
    store().put("object", content);

    assertThat(store().read("object", 90, 50)).isEqualTo(slice(content, 90, 10));
    assertThat(store().read("object", 0, Integer.MAX_VALUE)).isEqualTo(content);
  }

  @Test
  void aRangeStartingAtOrAfterTheEndIsEmpty() throws Exception {
    store().put("object", randomBytes(100, 5));

    assertThat(store().read("object", 100, 10)).isEmpty();
    assertThat(store().read("object", 5_000, 10)).isEmpty();
  }

  @Test
  void anEmptyRangeIsEmpty() throws Exception {
    store().put("object", randomBytes(100, 6));

    assertThat(store().read("object", 10, 0)).isEmpty();
  }

  @Test
  void readingAMissingKeyIsNotFound() {
    assertThatThrownBy(() -> store().readAll("missing/object"))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("missing/object");
    assertThatThrownBy(() -> store().read("missing/object", 0, 10))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("missing/object");
    assertThatThrownBy(() -> store().read("missing/object", 0, 0))
        .isInstanceOf(ObjectNotFoundException.class);
  }

  @Test
  void aKeyThatOnlyPrefixesOtherKeysIsNotAnObject() throws Exception {
    store().put("topic-0/segment.log", bytes("x"));

    assertThatThrownBy(() -> store().readAll("topic-0"))
        .isInstanceOf(ObjectNotFoundException.class);
    assertThatThrownBy(() -> store().read("topic-0", 0, 1))
        .isInstanceOf(ObjectNotFoundException.class);
  }

  @Test
  void negativeRangesAreRejected() {
    assertThatThrownBy(() -> store().read("object", -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset and length must be >= 0");
    assertThatThrownBy(() -> store().read("object", 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysMustBeRelativeAndStayInside() {
    for (String key : List.of("", "/absolute", "a/../b", "back\\slash")) {
      assertThatThrownBy(() -> store().put(key, bytes("x")))
          .as("key '%s'", key)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("object key must be relative");
    }
  }

  @Test
  void dotsInsideAKeyPartAreFineSinceKafkaTopicNamesMayHaveThem() throws Exception {
    store().put("orders..v2-abc/0/segment.log", bytes("x"));

    assertThat(store().readAll("orders..v2-abc/0/segment.log")).isEqualTo(bytes("x"));
  }

  @Test
  void listReturnsTheObjectsUnderAPrefixInKeyOrderWithTheirSizes() throws Exception {
    store().put("topic-1/b.log", new byte[2]);
    store().put("topic-1/a.log", new byte[1]);
    store().put("topic-1/nested/c.log", new byte[3]);
    store().put("topic-10/d.log", new byte[4]);
    store().put("topic-2/e.log", new byte[5]);

    assertThat(store().list("topic-1/"))
        .containsExactly(
            new ObjectSummary("topic-1/a.log", 1),
            new ObjectSummary("topic-1/b.log", 2),
            new ObjectSummary("topic-1/nested/c.log", 3));
    assertThat(store().list("topic-1"))
        .extracting(ObjectSummary::key)
        .containsExactly(
            "topic-1/a.log", "topic-1/b.log", "topic-1/nested/c.log", "topic-10/d.log");
    assertThat(store().list(""))
        .hasSize(5)
        .isSortedAccordingTo(Comparator.comparing(ObjectSummary::key));
    assertThat(store().list("topic-3/")).isEmpty();
  }

  @Test
  void anEmptyStoreListsNothing() throws Exception {
    assertThat(store().list("")).isEmpty();
  }

  @Test
  void deleteRemovesTheObjectsAndIsIdempotent() throws Exception {
    store().put("keep", bytes("k"));
    store().put("a", bytes("a"));
    store().put("b/c", bytes("c"));

    store().delete(List.of("a", "b/c", "never-existed"));
    store().delete(List.of("a", "b/c"));
    store().delete(List.of());

    assertThat(store().list("")).containsExactly(new ObjectSummary("keep", 1));
    assertThatThrownBy(() -> store().readAll("a")).isInstanceOf(ObjectNotFoundException.class);
  }

  @Test
  void describeSaysWhereTheObjectsAre() {
    assertThat(store().describe()).isNotBlank();
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static byte[] slice(byte[] content, int offset, int length) {
    return Arrays.copyOfRange(content, offset, offset + length);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
