package io.stratus.plugins.tiered.store;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Turns AWS SDK failures into the store's exceptions: a missing key is {@link
 * ObjectNotFoundException}; an unreachable store, a timeout, throttling or a 5xx is {@link
 * ObjectStoreUnavailableException}; anything else (403, a missing bucket, other 4xx) is a plain
 * {@link ObjectStoreException}. Messages name the operation, the bucket and endpoint, and what S3
 * answered; they never include credentials. Stateless and thread-safe.
 */
final class S3Failures {

  private static final Set<String> TRANSIENT_ERROR_CODES =
      Set.of(
          "InternalError",
          "RequestTimeout",
          "ServiceUnavailable",
          "SlowDown",
          "Throttling",
          "ThrottlingException");
  private static final int MAXIMUM_KEYS_IN_MESSAGE = 5;

  private S3Failures() {}

  /**
   * @param action what was attempted, such as {@code "read segments/0.log"}
   * @param store where, as {@link ObjectStore#describe()}
   */
  static ObjectStoreException translate(SdkException failure, String action, String store) {
    String prefix = "could not " + action + " in " + store + ": ";
    if (!(failure instanceof AwsServiceException answer)) {
      // SdkClientException: no answer at all (connection refused, timeout, broken connection).
      return new ObjectStoreUnavailableException(
          prefix + "the store did not answer: " + failure.getMessage(), failure);
    }
    String code = errorCode(answer);
    String said = "S3 answered " + answer.statusCode() + " " + code + ": " + errorMessage(answer);
    if (isMissingKey(answer, code)) {
      return new ObjectNotFoundException(prefix + "no such object (" + said + ")");
    }
    if (isTransient(answer, code)) {
      return new ObjectStoreUnavailableException(prefix + said, failure);
    }
    if (code.equals("NoSuchBucket")) {
      return new ObjectStoreException(prefix + "the bucket does not exist (" + said + ")", failure);
    }
    return new ObjectStoreException(prefix + said, failure);
  }

  /** A DeleteObjects call that answered 200 but could not delete some of the keys. */
  static ObjectStoreException partialDelete(List<S3Error> errors, int attempted, String store) {
    String examples =
        errors.stream()
            .limit(MAXIMUM_KEYS_IN_MESSAGE)
            .map(error -> error.key() + " (" + error.code() + ": " + error.message() + ")")
            .collect(Collectors.joining(", "));
    String message =
        "could not delete "
            + errors.size()
            + " of "
            + attempted
            + " objects in "
            + store
            + ": "
            + examples
            + (errors.size() > MAXIMUM_KEYS_IN_MESSAGE ? ", ..." : "");
    boolean allTransient =
        errors.stream().allMatch(error -> TRANSIENT_ERROR_CODES.contains(error.code()));
    return allTransient
        ? new ObjectStoreUnavailableException(message, null)
        : new ObjectStoreException(message);
  }

  private static boolean isMissingKey(AwsServiceException answer, String code) {
    return answer instanceof NoSuchKeyException
        || code.equals("NoSuchKey")
        || (answer.statusCode() == 404 && !code.equals("NoSuchBucket"));
  }

  private static boolean isTransient(AwsServiceException answer, String code) {
    return answer.statusCode() >= 500
        || answer.statusCode() == 429
        || answer.isThrottlingException()
        || TRANSIENT_ERROR_CODES.contains(code);
  }

  private static String errorCode(AwsServiceException answer) {
    String code = answer.awsErrorDetails() == null ? null : answer.awsErrorDetails().errorCode();
    return code == null || code.isEmpty() ? "(no error code)" : code;
  }

  private static String errorMessage(AwsServiceException answer) {
    String message =
        answer.awsErrorDetails() == null ? null : answer.awsErrorDetails().errorMessage();
    String requestId = answer.requestId() == null ? "" : " (request id " + answer.requestId() + ")";
    return (message == null || message.isEmpty() ? "no message" : message) + requestId;
  }
}
