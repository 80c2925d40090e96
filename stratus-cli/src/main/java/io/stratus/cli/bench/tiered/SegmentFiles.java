package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log segments of one partition as the broker keeps them on disk: {@code <base offset>.log}
 * files (20 digits) beside their {@code .index} and {@code .timeindex}. Files being deleted ({@code
 * .log.deleted}) do not count. Stateless; thread-safe.
 */
final class SegmentFiles {

  private static final Pattern LOG_FILE = Pattern.compile("(\\d{20})\\.log");

  private SegmentFiles() {}

  /**
   * One segment.
   *
   * @param baseOffset its first offset
   * @param log its {@code .log} file
   */
  record Segment(long baseOffset, Path log) {

    Path offsetIndex() {
      return sibling(".index");
    }

    Path timeIndex() {
      return sibling(".timeindex");
    }

    private Path sibling(String suffix) {
      return log.resolveSibling(String.format("%020d", baseOffset) + suffix);
    }
  }

  /** The segments in {@code partitionDirectory}, oldest first; none if it does not exist. */
  static List<Segment> list(Path partitionDirectory) {
    List<Segment> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(partitionDirectory)) {
      files.forEach(
          file -> {
            Matcher name = LOG_FILE.matcher(file.getFileName().toString());
            if (name.matches()) {
              segments.add(new Segment(Long.parseLong(name.group(1)), file));
            }
          });
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | UncheckedIOException e) {
      throw new StratusCliException("cannot list the segments in " + partitionDirectory + ": " + e);
    }
    segments.sort(Comparator.comparingLong(Segment::baseOffset));
    return List.copyOf(segments);
  }

  /** The first offset of the segment being written: the newest one's base offset, else 0. */
  static long activeBaseOffset(Path partitionDirectory) {
    List<Segment> segments = list(partitionDirectory);
    return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).baseOffset();
  }

  /** Bytes of all files under {@code directory}, 0 if it does not exist. */
  static long bytesUnder(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(SegmentFiles::sizeOf).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted meanwhile
    }
  }
}
