package io.stratus.plugins.tiered.store;

import java.nio.file.Path;

/**
 * Where tiered segments are kept, written as one string so it can travel through a broker config or
 * a command-line flag: {@code file:DIR} for a directory, or {@code
 * s3://bucket[/prefix]?endpoint=URL&region=R&pathStyle=true} for an S3-compatible bucket.
 */
public sealed interface ObjectStoreLocation
    permits ObjectStoreLocation.Directory, ObjectStoreLocation.S3 {

  /** Opens a store at this location. */
  ObjectStore open();

  /** The canonical string form, which {@link #parse} reads back to an equal location. */
  String asString();

  /** True when objects leave this machine (anything but a local directory). */
  boolean isRemote();

  /**
   * Reads a location.
   *
   * @throws IllegalArgumentException naming what is wrong and what is allowed
   */
  static ObjectStoreLocation parse(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException(
          "object store must be file:DIR or s3://bucket[/prefix]?endpoint=URL&region=R"
              + "&pathStyle=true, got nothing");
    }
    if (location.startsWith("file:")) {
      String directory = location.substring("file:".length());
      if (directory.isBlank()) {
        throw new IllegalArgumentException("object store file: needs a directory, as file:DIR");
      }
      return new Directory(Path.of(directory).toAbsolutePath().normalize());
    }
    if (location.startsWith("s3://")) {
      return S3.parse(location);
    }
    throw new IllegalArgumentException(
        "object store must start with file: or s3://, got '" + location + "'");
  }

  /** A local directory. */
  record Directory(Path root) implements ObjectStoreLocation {
    @Override
    public ObjectStore open() {
      return new FileSystemObjectStore(root);
    }

    @Override
    public String asString() {
      return "file:" + root;
    }

    @Override
    public boolean isRemote() {
      return false;
    }
  }

  /** An S3-compatible bucket (see {@link S3#parse}). */
  record S3(String bucket, String prefix) implements ObjectStoreLocation {
    static S3 parse(String location) {
      throw new IllegalArgumentException("s3 object stores are not supported yet");
    }

    @Override
    public ObjectStore open() {
      throw new UnsupportedOperationException("s3 object stores are not supported yet");
    }

    @Override
    public String asString() {
      return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public boolean isRemote() {
      return true;
    }
  }
}
