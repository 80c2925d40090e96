package io.stratus.plugins.tiered.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest extends ObjectStoreContract {

  @TempDir Path root;

  private FileSystemObjectStore store;

  @BeforeEach
  void openStore() {
    store = new FileSystemObjectStore(root.resolve("objects"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  ObjectStore store() {
    return store;
  }

  @Test
  void keysAreFilesUnderTheRoot() throws Exception {
    store.put("topic-0/segment.log", bytes("data"));

    assertThat(root.resolve("objects/topic-0/segment.log")).hasContent("data");
    assertThat(store.describe()).isEqualTo("directory " + root.resolve("objects"));
  }

  @Test
  void writesLeaveNoTemporaryFilesBehind() throws Exception {
    store.put("a/object", bytes("one"));
    store.put("a/object", bytes("two"));
    store.upload("a/object", Files.write(root.resolve("source"), bytes("three")));

    try (var files = Files.list(root.resolve("objects/a"))) {
      assertThat(files).containsExactly(root.resolve("objects/a/object"));
    }
  }

  @Test
  void listSkipsWritesInProgress() throws Exception {
    store.put("a/object", bytes("done"));
    Files.write(root.resolve("objects/a/object.0f1e.partial"), bytes("half"));

    assertThat(store.list("a/")).containsExactly(new ObjectSummary("a/object", 4));
  }

  @Test
  void aStoreWhoseDirectoryDoesNotExistYetListsNothing() throws Exception {
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void readersSeeTheOldObjectOrTheNewOneButNeverAMix() throws Exception {
    byte[] allA = filled(256 * 1024, (byte) 'a');
    byte[] allB = filled(256 * 1024, (byte) 'b');
    store.put("object", allA);
    AtomicBoolean writing = new AtomicBoolean(true);

    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < 200; i++) {
                  store.put("object", i % 2 == 0 ? allB : allA);
                }
              } catch (ObjectStoreException e) {
                throw new IllegalStateException(e);
              } finally {
                writing.set(false);
              }
            });
    int reads = 0;
    while (writing.get() || reads == 0) {
      byte[] seen = store.readAll("object");
      assertThat(seen)
          .as("read %d while replacing", reads)
          .satisfiesAnyOf(
              bytes -> assertThat(bytes).isEqualTo(allA),
              bytes -> assertThat(bytes).isEqualTo(allB));
      reads++;
    }
    writer.get(30, TimeUnit.SECONDS);
  }

  private static byte[] filled(int size, byte value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
