package io.stratus.plugins.tiered.store;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the S3 client for a location: the JDK's {@code HttpURLConnection} transport (no Netty or
 * Apache client inside a broker), bounded timeouts and a capped number of attempts, so that an
 * unreachable store surfaces in seconds rather than minutes:
 *
 * <ul>
 *   <li>connection refused: three attempts with sub-second backoff, about one second in all;
 *   <li>host unreachable: three connect timeouts of {@value #CONNECT_TIMEOUT_SECONDS} s each;
 *   <li>store accepts but stops answering: each attempt ends after {@value #SOCKET_TIMEOUT_SECONDS}
 *       s without a byte.
 * </ul>
 *
 * <p>Request bodies go as plain bytes with their SHA-256 in the signature, never as {@code
 * aws-chunked} signed chunks (which the SDK would otherwise use on plain-HTTP endpoints): not every
 * S3-compatible store decodes them, and S3Proxy may answer an empty upload before reading its
 * chunk, then close the connection under the request. Checksums are computed and validated only
 * where S3 requires them, and DeleteObjects also carries Content-MD5, because many S3-compatible
 * stores reject or ignore the newer CRC headers. Stateless and thread-safe.
 */
final class S3Clients {

  static final int CONNECT_TIMEOUT_SECONDS = 5;
  static final int SOCKET_TIMEOUT_SECONDS = 30;
  static final int MAXIMUM_ATTEMPTS = 3;

  private S3Clients() {}

  static S3Client create(ObjectStoreLocation.S3 location, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))
                    .socketTimeout(Duration.ofSeconds(SOCKET_TIMEOUT_SECONDS)))
            .credentialsProvider(credentials)
            .region(region(location))
            .forcePathStyle(location.pathStyle())
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .addPlugin(LegacyMd5Plugin.create())
            .overrideConfiguration(
                override ->
                    override.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(MAXIMUM_ATTEMPTS)
                            .build()));
    location.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * The location's region; else the AWS region chain; else, for an S3-compatible endpoint (which
   * rarely cares), {@code us-east-1}.
   *
   * @throws IllegalArgumentException for AWS itself when no region is configured anywhere
   */
  static Region region(ObjectStoreLocation.S3 location) {
    if (location.region().isPresent()) {
      return Region.of(location.region().get());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (location.endpoint().isPresent()) {
        return Region.US_EAST_1;
      }
      throw new IllegalArgumentException(
          "s3 object store: no region for "
              + location.bucketUri()
              + "; add region=R to the location or set aws.region or AWS_REGION",
          e);
    }
  }
}
