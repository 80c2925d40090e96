package io.stratus.controlplane.validation;

import java.util.Arrays;
import java.util.List;

/** What values one broker setting a tenant may set accepts. Immutable. */
sealed interface ConfigValueRule {

  /** Whether the value follows the rule. */
  boolean accepts(String value);

  /** The values the rule accepts, in words. */
  String describe();

  /** A whole number within bounds. */
  record WholeNumber(long min, long max) implements ConfigValueRule {
    @Override
    public boolean accepts(String value) {
      try {
        long number = Long.parseLong(value.trim());
        return number >= min && number <= max;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    @Override
    public String describe() {
      return max == Integer.MAX_VALUE || max == Long.MAX_VALUE
          ? "a whole number of at least " + min
          : "a whole number from " + min + " to " + max;
    }
  }

  /** One of a few words. */
  record OneOf(List<String> choices) implements ConfigValueRule {
    public OneOf {
      choices = List.copyOf(choices);
    }

    @Override
    public boolean accepts(String value) {
      return choices.contains(value.trim());
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", choices);
    }
  }

  /** A comma-separated list of one or more of a few words. */
  record ListOf(List<String> choices) implements ConfigValueRule {
    public ListOf {
      choices = List.copyOf(choices);
    }

    @Override
    public boolean accepts(String value) {
      return Arrays.stream(value.split(",", -1)).map(String::trim).allMatch(choices::contains);
    }

    @Override
    public String describe() {
      return "a comma-separated list of " + String.join(", ", choices);
    }
  }
}
