package io.stratus.plugins.tiered.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3FailuresTest {

  private static final String STORE = "s3://segments/tiered at http://127.0.0.1:9000";

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
    "404, NoSuchKey,           ObjectNotFoundException",
    "404, '',                  ObjectNotFoundException",
    "404, NoSuchBucket,        ObjectStoreException",
    "403, AccessDenied,        ObjectStoreException",
    "403, InvalidAccessKeyId,  ObjectStoreException",
    "400, InvalidArgument,     ObjectStoreException",
    "400, RequestTimeout,      ObjectStoreUnavailableException",
    "429, TooManyRequests,     ObjectStoreUnavailableException",
    "500, InternalError,       ObjectStoreUnavailableException",
    "502, '',                  ObjectStoreUnavailableException",
    "503, SlowDown,            ObjectStoreUnavailableException",
    "503, ServiceUnavailable,  ObjectStoreUnavailableException",
  })
  void anAnswerFromS3MapsByStatusAndCode(int status, String code, String expected) {
    var failure = S3Failures.translate(answer(status, code, "what S3 said"), "read a/b", STORE);

    assertThat(failure.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(failure)
        .hasMessageStartingWith("could not read a/b in " + STORE + ": ")
        .hasMessageContaining("S3 answered " + status)
        .hasMessageContaining("what S3 said");
  }

  @Test
  void theSdksNoSuchKeyIsNotFound() {
    var noSuchKey =
        NoSuchKeyException.builder()
            .statusCode(404)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchKey").build())
            .build();

    assertThat(S3Failures.translate(noSuchKey, "read a/b", STORE))
        .isInstanceOf(ObjectNotFoundException.class);
  }

  @Test
  void aMissingBucketSaysSo() {
    var failure =
        S3Failures.translate(answer(404, "NoSuchBucket", "no bucket"), "list 'a/'", STORE);

    assertThat(failure)
        .hasMessage(
            "could not list 'a/' in "
                + STORE
                + ": the bucket does not exist (S3 answered 404 NoSuchBucket: no bucket"
                + " (request id R1))");
  }

  @Test
  void noAnswerAtAllIsUnavailable() {
    var refused = SdkClientException.create("Unable to execute HTTP request: Connection refused");
    var timedOut = ApiCallTimeoutException.create(30_000);

    assertThat(S3Failures.translate(refused, "put a/b", STORE))
        .isInstanceOf(ObjectStoreUnavailableException.class)
        .hasMessage(
            "could not put a/b in "
                + STORE
                + ": the store did not answer: Unable to execute HTTP request: Connection refused")
        .hasCause(refused);
    assertThat(S3Failures.translate(timedOut, "put a/b", STORE))
        .isInstanceOf(ObjectStoreUnavailableException.class);
  }

  @Test
  void keysADeleteCouldNotRemoveAreNamedUpToFive() {
    List<S3Error> errors =
        IntStream.range(0, 7)
            .mapToObj(
                i -> S3Error.builder().key("k" + i).code("AccessDenied").message("no").build())
            .toList();

    var failure = S3Failures.partialDelete(errors, 1000, STORE);

    assertThat(failure)
        .isExactlyInstanceOf(ObjectStoreException.class)
        .hasMessage(
            "could not delete 7 of 1000 objects in "
                + STORE
                + ": k0 (AccessDenied: no), k1 (AccessDenied: no), k2 (AccessDenied: no),"
                + " k3 (AccessDenied: no), k4 (AccessDenied: no), ...");
  }

  @Test
  void aDeleteThatOnlyHitTransientErrorsIsWorthRetrying() {
    var errors = List.of(S3Error.builder().key("k").code("SlowDown").message("slow").build());

    assertThat(S3Failures.partialDelete(errors, 1, STORE))
        .isInstanceOf(ObjectStoreUnavailableException.class);
  }

  private static S3Exception answer(int status, String code, String message) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .requestId("R1")
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code.isEmpty() ? null : code)
                    .errorMessage(message)
                    .build())
            .build();
  }
}
