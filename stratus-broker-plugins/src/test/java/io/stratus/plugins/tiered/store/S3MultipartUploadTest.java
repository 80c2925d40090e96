package io.stratus.plugins.tiered.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

class S3MultipartUploadTest {

  @TempDir Path directory;

  @Test
  void partsAreTheFileInOrderAndCompleteNamesThemAll() throws Exception {
    byte[] content = new byte[25];
    new Random(1).nextBytes(content);
    Path file = Files.write(directory.resolve("segment.log"), content);
    var s3 = new RecordingS3(0);

    new S3MultipartUpload(s3, "segments", "tiered/segment.log").upload(file, 25, 10);

    assertThat(s3.parts).hasSize(3);
    assertThat(s3.parts.get(0)).isEqualTo(slice(content, 0, 10));
    assertThat(s3.parts.get(1)).isEqualTo(slice(content, 10, 10));
    assertThat(s3.parts.get(2)).isEqualTo(slice(content, 20, 5));
    assertThat(s3.completed)
        .extracting(CompletedPart::partNumber, CompletedPart::eTag)
        .containsExactly(tuple(1, "etag-1"), tuple(2, "etag-2"), tuple(3, "etag-3"));
    assertThat(s3.aborted).isFalse();
  }

  @Test
  void aFailedPartAbortsTheUpload() throws Exception {
    Path file = Files.write(directory.resolve("segment.log"), new byte[25]);
    var s3 = new RecordingS3(2);

    assertThatThrownBy(() -> new S3MultipartUpload(s3, "segments", "k").upload(file, 25, 10))
        .isInstanceOf(SdkClientException.class)
        .hasMessage("part 2 failed");
    assertThat(s3.aborted).isTrue();
    assertThat(s3.completed).isEmpty();
  }

  @Test
  void thePartSizeGrowsSoThatTenThousandPartsAreEnough() {
    long fiveMib = 5L * 1024 * 1024;

    assertThat(S3MultipartUpload.partSizeFor(1024L * 1024 * 1024, fiveMib)).isEqualTo(fiveMib);
    assertThat(S3MultipartUpload.partSizeFor(10_000 * fiveMib, fiveMib)).isEqualTo(fiveMib);
    assertThat(S3MultipartUpload.partSizeFor(10_000 * fiveMib + 1, fiveMib)).isEqualTo(fiveMib + 1);
  }

  private static byte[] slice(byte[] content, int offset, int length) {
    return Arrays.copyOfRange(content, offset, offset + length);
  }

  /** Records a multipart upload; fails the given part (1-based), or none when 0. */
  private static final class RecordingS3 implements S3Client {
    private final int failingPart;
    final List<byte[]> parts = new ArrayList<>();
    final List<CompletedPart> completed = new ArrayList<>();
    boolean aborted;

    RecordingS3(int failingPart) {
      this.failingPart = failingPart;
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(
        CreateMultipartUploadRequest request) {
      return CreateMultipartUploadResponse.builder().uploadId("upload-1").build();
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
      assertThat(request.uploadId()).isEqualTo("upload-1");
      if (request.partNumber() == failingPart) {
        throw SdkClientException.create("part " + failingPart + " failed");
      }
      try (var in = body.contentStreamProvider().newStream()) {
        byte[] bytes = in.readAllBytes();
        assertThat(bytes).hasSize((int) body.optionalContentLength().orElseThrow().longValue());
        parts.add(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return UploadPartResponse.builder().eTag("etag-" + request.partNumber()).build();
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
        CompleteMultipartUploadRequest request) {
      completed.addAll(request.multipartUpload().parts());
      return CompleteMultipartUploadResponse.builder().build();
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
      assertThat(request.uploadId()).isEqualTo("upload-1");
      aborted = true;
      return AbortMultipartUploadResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "s3";
    }

    @Override
    public void close() {}
  }
}
