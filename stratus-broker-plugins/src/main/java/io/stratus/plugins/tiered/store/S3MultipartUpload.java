package io.stratus.plugins.tiered.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Sends one file as an S3 multipart upload: create, upload the parts one after another, complete.
 * The object appears only when the upload completes; any failure aborts the upload so its parts do
 * not linger (if the abort itself fails, a bucket lifecycle rule for incomplete multipart uploads
 * cleans up). Not thread-safe: one instance per upload.
 */
final class S3MultipartUpload {

  /** S3 accepts at most this many parts in one upload. */
  static final int MAXIMUM_PARTS = 10_000;

  private static final String CONTENT_TYPE = "application/octet-stream";

  private final S3Client client;
  private final String bucket;
  private final String key;

  S3MultipartUpload(S3Client client, String bucket, String key) {
    this.client = client;
    this.bucket = bucket;
    this.key = key;
  }

  /** The configured part size, grown if needed so that {@code size} bytes fit in 10,000 parts. */
  static long partSizeFor(long size, long configuredPartSize) {
    long smallestThatFits = (size + MAXIMUM_PARTS - 1) / MAXIMUM_PARTS;
    return Math.max(configuredPartSize, smallestThatFits);
  }

  /** Uploads {@code size} bytes of {@code file} in parts of {@code partSize} bytes. */
  void upload(Path file, long size, long partSize) {
    String uploadId =
        client.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      for (long offset = 0; offset < size; offset += partSize) {
        int partNumber = parts.size() + 1;
        parts.add(
            uploadPart(file, uploadId, partNumber, offset, Math.min(partSize, size - offset)));
      }
      client.completeMultipartUpload(
          request ->
              request
                  .bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(upload -> upload.parts(parts)));
    } catch (RuntimeException | Error failure) {
      abort(uploadId, failure);
      throw failure;
    }
  }

  private CompletedPart uploadPart(
      Path file, String uploadId, int partNumber, long offset, long length) {
    try (FileRangeContent content = new FileRangeContent(file, offset, length)) {
      String eTag =
          client
              .uploadPart(
                  request ->
                      request
                          .bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(partNumber)
                          .contentLength(length),
                  RequestBody.fromContentProvider(content, length, CONTENT_TYPE))
              .eTag();
      return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
    }
  }

  private void abort(String uploadId, Throwable failure) {
    try {
      client.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
    } catch (RuntimeException abortFailure) {
      failure.addSuppressed(abortFailure);
    }
  }
}
