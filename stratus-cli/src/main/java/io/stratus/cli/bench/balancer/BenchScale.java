package io.stratus.cli.bench.balancer;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The three sizes {@code --scale} names, and that a run without sizes goes through in turn. */
enum BenchScale {
  SMALL(10, 2_000),
  MEDIUM(100, 20_000),
  LARGE(1_000, 200_000);

  private final int brokers;
  private final int partitions;

  BenchScale(int brokers, int partitions) {
    this.brokers = brokers;
    this.partitions = partitions;
  }

  int brokers() {
    return brokers;
  }

  int partitions() {
    return partitions;
  }

  /** As written on the command line: {@code small}, {@code medium} or {@code large}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a scale in any case, for picocli; anything else is a usage error naming the choices. */
  static final class Converter implements ITypeConverter<BenchScale> {

    @Override
    public BenchScale convert(String value) {
      for (BenchScale scale : values()) {
        if (scale.toString().equalsIgnoreCase(value.strip())) {
          return scale;
        }
      }
      throw new TypeConversionException("expected small, medium or large, got '" + value + "'");
    }
  }
}
