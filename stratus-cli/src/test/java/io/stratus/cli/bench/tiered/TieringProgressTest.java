package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TieringProgressTest {

  @Test
  void isDoneWhenEveryPartitionKeepsOnlyItsActiveSegmentAndTheStoreHoldsData() {
    TieringProgress progress =
        new TieringProgress(
            List.of(new PartitionTiering(0, 100, 100, 130), new PartitionTiering(1, 90, 90, 95)),
            1_000);

    assertThat(progress.done()).isTrue();
    assertThat(progress.remoteShare()).isEqualTo(190.0 / 225);
  }

  @Test
  void isNotDoneWhileAPartitionStillHasAClosedSegmentLocally() {
    TieringProgress progress =
        new TieringProgress(
            List.of(new PartitionTiering(0, 100, 100, 130), new PartitionTiering(1, 0, 90, 95)),
            1_000);

    assertThat(progress.done()).isFalse();
    assertThat(progress.describe())
        .isEqualTo("1 of 2 partitions tiered, 44% of records remote, 0.0 MB in the object store");
  }

  @Test
  void isNotDoneWhileTheObjectStoreIsEmpty() {
    TieringProgress progress =
        new TieringProgress(List.of(new PartitionTiering(0, 100, 100, 130)), 0);

    assertThat(progress.done())
        .as("segments left the broker, but nothing reached the store yet")
        .isFalse();
  }

  @Test
  void aTopicWithoutClosedSegmentsIsTieredAtOnceWithNothingRemote() {
    TieringProgress progress = new TieringProgress(List.of(new PartitionTiering(0, 0, 0, 10)), 0);

    assertThat(progress.done()).isTrue();
    assertThat(progress.remoteShare()).isZero();
  }
}
