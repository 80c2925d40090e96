package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentFilesTest {

  @TempDir Path partition;

  @Test
  void listsLogFilesOldestFirstIgnoringFilesBeingDeletedAndOtherFiles() throws IOException {
    touch("00000000000000032000.log", 10);
    touch("00000000000000000000.log", 10);
    touch("00000000000000000000.log.deleted", 10);
    touch("00000000000000016000.log", 10);
    touch("00000000000000016000.index", 10);
    touch("leader-epoch-checkpoint", 10);

    assertThat(SegmentFiles.list(partition))
        .extracting(SegmentFiles.Segment::baseOffset)
        .containsExactly(0L, 16_000L, 32_000L);
    assertThat(SegmentFiles.activeBaseOffset(partition)).isEqualTo(32_000);
  }

  @Test
  void namesTheIndexesBesideASegment() {
    SegmentFiles.Segment segment =
        new SegmentFiles.Segment(16_000, partition.resolve("00000000000000016000.log"));

    assertThat(segment.offsetIndex()).hasFileName("00000000000000016000.index");
    assertThat(segment.timeIndex()).hasFileName("00000000000000016000.timeindex");
  }

  @Test
  void aMissingDirectoryHasNoSegments() {
    Path missing = partition.resolve("tiered-9");

    assertThat(SegmentFiles.list(missing)).isEmpty();
    assertThat(SegmentFiles.activeBaseOffset(missing)).isZero();
    assertThat(SegmentFiles.bytesUnder(missing)).isZero();
  }

  @Test
  void addsUpTheBytesOfEveryFileBelowADirectory() throws IOException {
    touch("a", 100);
    Files.createDirectories(partition.resolve("x/y"));
    touch("x/y/b", 23);

    assertThat(SegmentFiles.bytesUnder(partition)).isEqualTo(123);
  }

  private void touch(String name, int bytes) throws IOException {
    Files.write(partition.resolve(name), new byte[bytes]);
  }
}
