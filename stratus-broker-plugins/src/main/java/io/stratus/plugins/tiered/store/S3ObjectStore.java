package io.stratus.plugins.tiered.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Objects in an S3-compatible bucket, under the location's key prefix: key {@code a/b} is {@code
 * prefix/a/b} in the bucket. Credentials come from the standard AWS chain ({@code
 * aws.accessKeyId}/{@code aws.secretAccessKey} system properties, {@code AWS_ACCESS_KEY_ID}/{@code
 * AWS_SECRET_ACCESS_KEY}, profile files, container and instance roles). Files of at least the
 * location's part size are sent as multipart uploads. Failures are mapped as {@link S3Failures}
 * describes; timeouts and retries are those of {@link S3Clients}.
 *
 * <p>Thread-safe: the underlying {@link S3Client} is, and this class keeps no other mutable state.
 */
public final class S3ObjectStore implements ObjectStore {

  /** The most keys S3 returns in one list page or accepts in one DeleteObjects call. */
  static final int MAXIMUM_KEYS_PER_REQUEST = 1000;

  private static final byte[] NOTHING = new byte[0];
  private static final int RANGE_NOT_SATISFIABLE = 416;

  private final ObjectStoreLocation.S3 location;
  private final AwsCredentialsProvider credentials;
  private final S3Client client;
  private final String keyPrefix;
  private final int listPageSize;
  private final String description;

  /** Connects to the location's bucket with credentials from the standard AWS chain. */
  public S3ObjectStore(ObjectStoreLocation.S3 location) {
    this(location, DefaultCredentialsProvider.builder().build(), MAXIMUM_KEYS_PER_REQUEST);
  }

  S3ObjectStore(
      ObjectStoreLocation.S3 location, AwsCredentialsProvider credentials, int listPageSize) {
    this.location = location;
    this.credentials = credentials;
    this.client = S3Clients.create(location, credentials);
    this.keyPrefix = location.prefix().isEmpty() ? "" : location.prefix() + "/";
    this.listPageSize = listPageSize;
    this.description =
        location.bucketUri()
            + location
                .endpoint()
                .map(endpoint -> " at " + endpoint)
                .orElse(" on AWS " + client.serviceClientConfiguration().region());
  }

  @Override
  public void upload(String key, Path file) throws ObjectStoreException {
    String bucketKey = bucketKey(key);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ObjectStoreException(
          "could not upload " + file + " as " + key + " to " + describe() + ": " + e, e);
    }
    try {
      if (size < location.partSize()) {
        client.putObject(
            request -> request.bucket(location.bucket()).key(bucketKey),
            RequestBody.fromFile(file));
      } else {
        new S3MultipartUpload(client, location.bucket(), bucketKey)
            .upload(file, size, S3MultipartUpload.partSizeFor(size, location.partSize()));
      }
    } catch (SdkException e) {
      throw S3Failures.translate(e, "upload " + key, describe());
    } catch (UncheckedIOException e) {
      throw new ObjectStoreException(
          "could not upload " + file + " as " + key + " to " + describe() + ": " + e.getCause(), e);
    }
  }

  @Override
  public void put(String key, byte[] content) throws ObjectStoreException {
    String bucketKey = bucketKey(key);
    try {
      client.putObject(
          request -> request.bucket(location.bucket()).key(bucketKey),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw S3Failures.translate(e, "put " + key, describe());
    }
  }

  @Override
  public byte[] read(String key, long offset, int length) throws ObjectStoreException {
    ObjectKeys.requireValidRange(offset, length);
    String bucketKey = bucketKey(key);
    try {
      if (length == 0) {
        // An empty range cannot be written as a Range header; still say whether the key exists.
        client.headObject(request -> request.bucket(location.bucket()).key(bucketKey));
        return NOTHING;
      }
      long last = offset > Long.MAX_VALUE - length ? Long.MAX_VALUE - 1 : offset + length - 1;
      ResponseBytes<GetObjectResponse> response =
          client.getObjectAsBytes(
              request ->
                  request
                      .bucket(location.bucket())
                      .key(bucketKey)
                      .range("bytes=" + offset + "-" + last));
      byte[] bytes = response.asByteArrayUnsafe();
      if (response.response().contentRange() == null) {
        // HTTP lets a server ignore Range and send the whole object; cut the range out ourselves.
        return slice(bytes, offset, length);
      }
      return bytes;
    } catch (S3Exception e) {
      if (e.statusCode() == RANGE_NOT_SATISFIABLE) {
        return NOTHING; // the object exists and ends at or before offset
      }
      throw S3Failures.translate(e, "read " + key, describe());
    } catch (SdkException e) {
      throw S3Failures.translate(e, "read " + key, describe());
    }
  }

  @Override
  public byte[] readAll(String key) throws ObjectStoreException {
    String bucketKey = bucketKey(key);
    try {
      return client
          .getObjectAsBytes(request -> request.bucket(location.bucket()).key(bucketKey))
          .asByteArrayUnsafe();
    } catch (SdkException e) {
      throw S3Failures.translate(e, "read " + key, describe());
    }
  }

  @Override
  public void delete(Collection<String> keys) throws ObjectStoreException {
    List<ObjectIdentifier> objects =
        keys.stream()
            .distinct()
            .map(key -> ObjectIdentifier.builder().key(bucketKey(key)).build())
            .toList();
    for (int from = 0; from < objects.size(); from += MAXIMUM_KEYS_PER_REQUEST) {
      List<ObjectIdentifier> batch =
          objects.subList(from, Math.min(objects.size(), from + MAXIMUM_KEYS_PER_REQUEST));
      DeleteObjectsResponse response;
      try {
        response =
            client.deleteObjects(
                request ->
                    request
                        .bucket(location.bucket())
                        .delete(delete -> delete.objects(batch).quiet(true)));
      } catch (SdkException e) {
        throw S3Failures.translate(e, "delete " + batch.size() + " objects", describe());
      }
      // S3 counts a missing key as deleted; some compatible stores report it. Either is success.
      List<S3Error> failed =
          response.errors().stream().filter(error -> !"NoSuchKey".equals(error.code())).toList();
      if (!failed.isEmpty()) {
        throw S3Failures.partialDelete(failed, batch.size(), describe());
      }
    }
  }

  @Override
  public List<ObjectSummary> list(String prefix) throws ObjectStoreException {
    ListObjectsV2Request request =
        ListObjectsV2Request.builder()
            .bucket(location.bucket())
            .prefix(keyPrefix + prefix)
            .maxKeys(listPageSize)
            .build();
    List<ObjectSummary> objects = new ArrayList<>();
    try {
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
        for (S3Object object : page.contents()) {
          String key = object.key().substring(keyPrefix.length());
          if (!key.isEmpty()) { // a "folder" marker for the prefix itself is not an object
            objects.add(new ObjectSummary(key, object.size()));
          }
        }
      }
    } catch (SdkException e) {
      throw S3Failures.translate(e, "list '" + prefix + "'", describe());
    }
    objects.sort(Comparator.comparing(ObjectSummary::key));
    return objects;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    client.close();
    if (credentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }

  private String bucketKey(String key) {
    return keyPrefix + ObjectKeys.requireValid(key);
  }

  private static byte[] slice(byte[] whole, long offset, int length) {
    if (offset >= whole.length) {
      return NOTHING;
    }
    int from = (int) offset;
    return Arrays.copyOfRange(whole, from, (int) Math.min(whole.length, from + (long) length));
  }
}
