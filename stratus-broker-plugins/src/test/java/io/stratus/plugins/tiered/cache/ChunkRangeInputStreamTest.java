package io.stratus.plugins.tiered.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkRangeInputStreamTest {

  private static final int CHUNK = 10;
  private static final byte[] SEGMENT = new byte[95];

  static {
    for (int i = 0; i < SEGMENT.length; i++) {
      SEGMENT[i] = (byte) i;
    }
  }

  private final List<Integer> loaded = new ArrayList<>();

  @Test
  void everyInclusiveRangeMatchesTheSegment() throws Exception {
    for (int start = 0; start < SEGMENT.length; start++) {
      for (int end = start; end < SEGMENT.length; end++) {
        try (ChunkRangeInputStream in = new ChunkRangeInputStream(source(), start, end)) {
          assertThat(in.readAllBytes())
              .as("%d..%d", start, end)
              .isEqualTo(Arrays.copyOfRange(SEGMENT, start, end + 1));
        }
      }
    }
  }

  @Test
  void loadsOnlyTheChunksTheReaderReaches() throws Exception {
    try (ChunkRangeInputStream in = new ChunkRangeInputStream(source(), 15, 94)) {
      assertThat(loaded).isEmpty();
      in.openFirstChunk();
      assertThat(loaded).containsExactly(1);
      assertThat(in.read()).isEqualTo(15);
      assertThat(in.skip(20)).isEqualTo(20);
      assertThat(loaded).as("skipping loads nothing").containsExactly(1);
      assertThat(in.read()).isEqualTo(36);
      assertThat(loaded).containsExactly(1, 3);
      assertThat(in.skip(1000)).isEqualTo(58);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void emptyRangeAndSingleBytes() throws Exception {
    try (ChunkRangeInputStream in = new ChunkRangeInputStream(source(), 95, 94)) {
      in.openFirstChunk();
      assertThat(in.read()).isEqualTo(-1);
      assertThat(loaded).isEmpty();
    }
    try (ChunkRangeInputStream in = new ChunkRangeInputStream(source(), 19, 20)) {
      assertThat(in.read()).isEqualTo(19);
      assertThat(in.available()).isZero();
      assertThat(in.read()).isEqualTo(20);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void loadFailureBecomesAnIOExceptionAndClosedStreamRefusesReads() throws Exception {
    ChunkRangeInputStream.Source failing =
        new ChunkRangeInputStream.Source() {
          @Override
          public int chunkAt(long position) {
            return (int) (position / CHUNK);
          }

          @Override
          public long chunkStart(int index) {
            return (long) index * CHUNK;
          }

          @Override
          public byte[] chunk(int index) throws ChunkLoadException {
            throw new ChunkLoadException("chunk " + index + " is gone", new IOException("gone"));
          }
        };
    ChunkRangeInputStream in = new ChunkRangeInputStream(failing, 0, 50);
    assertThatThrownBy(in::read)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("position 0: chunk 0 is gone");
    in.close();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("stream is closed");
  }

  private ChunkRangeInputStream.Source source() {
    return new ChunkRangeInputStream.Source() {
      @Override
      public int chunkAt(long position) {
        return (int) (position / CHUNK);
      }

      @Override
      public long chunkStart(int index) {
        return (long) index * CHUNK;
      }

      @Override
      public byte[] chunk(int index) {
        loaded.add(index);
        int start = index * CHUNK;
        return Arrays.copyOfRange(SEGMENT, start, Math.min(SEGMENT.length, start + CHUNK));
      }
    };
  }
}
