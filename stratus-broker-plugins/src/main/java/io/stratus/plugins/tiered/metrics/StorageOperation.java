package io.stratus.plugins.tiered.metrics;

/** The plugin operations whose failures are counted apart. */
public enum StorageOperation {
  COPY("copy"),
  FETCH("fetch"),
  INDEX("index"),
  DELETE("delete");

  private final String tagValue;

  StorageOperation(String tagValue) {
    this.tagValue = tagValue;
  }

  /** The value of the {@code operation} metric tag. */
  public String tagValue() {
    return tagValue;
  }
}
