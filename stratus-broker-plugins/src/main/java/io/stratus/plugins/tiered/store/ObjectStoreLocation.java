package io.stratus.plugins.tiered.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where tiered segments are kept, written as one string so it can travel through a broker config or
 * a command-line flag: {@code file:DIR} for a directory, or {@code
 * s3://bucket[/prefix]?endpoint=URL&region=R&pathStyle=true&partSize=BYTES} for an S3-compatible
 * bucket (see {@link S3}). Locations are immutable values, safe to share between threads.
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
              + "&pathStyle=true&partSize=BYTES, got nothing");
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

  /**
   * An S3-compatible bucket, written {@code
   * s3://bucket[/prefix]?endpoint=URL&region=R&pathStyle=true&partSize=BYTES}; every query
   * parameter is optional.
   *
   * @param bucket the bucket: 3 to 63 lowercase letters, digits, dots and hyphens, starting and
   *     ending with a letter or digit
   * @param prefix the key prefix every object of this store lives under, without leading or
   *     trailing '/'; empty for the whole bucket
   * @param endpoint an S3-compatible service ({@code http(s)://host[:port]}); empty for AWS
   * @param region the signing region; empty to take it from the AWS region chain ({@code
   *     aws.region}, {@code AWS_REGION}, profile, instance metadata), or {@code us-east-1} when an
   *     endpoint is given and the chain has none
   * @param pathStyle whether requests address the bucket in the path ({@code host/bucket/key})
   *     rather than in the host name ({@code bucket.host/key}), as most S3-compatible stores need
   * @param partSize how many bytes each part of a multipart upload carries; files smaller than this
   *     are sent in one request
   */
  record S3(
      String bucket,
      String prefix,
      Optional<URI> endpoint,
      Optional<String> region,
      boolean pathStyle,
      long partSize)
      implements ObjectStoreLocation {

    /** Multipart part size when the location does not set {@code partSize}: 8 MiB. */
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

    /** The smallest part S3 accepts (except for the last part of an upload): 5 MiB. */
    public static final long MINIMUM_PART_SIZE = 5L * 1024 * 1024;

    /** The largest part S3 accepts: 5 GiB. */
    public static final long MAXIMUM_PART_SIZE = 5L * 1024 * 1024 * 1024;

    /**
     * @throws IllegalArgumentException naming the component that is wrong and the rule it breaks
     */
    public S3 {
      S3LocationRules.requireValid(bucket, prefix, endpoint, region, partSize);
    }

    /** A bucket on AWS with default settings. */
    public S3(String bucket, String prefix) {
      this(bucket, prefix, Optional.empty(), Optional.empty(), false, DEFAULT_PART_SIZE);
    }

    static S3 parse(String location) {
      return S3LocationParser.parse(location);
    }

    /**
     * Opens an {@link S3ObjectStore}; nothing is sent to S3 until the first operation.
     *
     * @throws IllegalArgumentException when this location is on AWS, names no region, and none is
     *     configured in the AWS region chain
     */
    @Override
    public ObjectStore open() {
      return new S3ObjectStore(this);
    }

    @Override
    public String asString() {
      StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
      endpoint.ifPresent(uri -> query.add("endpoint=" + uri));
      region.ifPresent(name -> query.add("region=" + name));
      if (pathStyle) {
        query.add("pathStyle=true");
      }
      if (partSize != DEFAULT_PART_SIZE) {
        query.add("partSize=" + partSize);
      }
      return bucketUri() + query;
    }

    /** {@code s3://bucket[/prefix]}, without the query parameters. */
    public String bucketUri() {
      return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public boolean isRemote() {
      return true;
    }
  }
}
