package io.stratus.plugins.tiered.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectStoreLocationTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void aDirectoryIsAbsoluteAndNormalized() {
    var location = ObjectStoreLocation.parse("file:/var/stratus/../stratus/tiered");

    assertThat(location)
        .isEqualTo(new ObjectStoreLocation.Directory(Path.of("/var/stratus/tiered")));
    assertThat(location.asString()).isEqualTo("file:/var/stratus/tiered");
    assertThat(location.isRemote()).isFalse();
  }

  @Test
  void aRelativeDirectoryIsResolvedAgainstTheWorkingDirectory() {
    var location = ObjectStoreLocation.parse("file:tiered");

    assertThat(location)
        .isEqualTo(new ObjectStoreLocation.Directory(Path.of("tiered").toAbsolutePath()));
    assertThat(ObjectStoreLocation.parse(location.asString())).isEqualTo(location);
  }

  @Test
  void aDirectoryOpensAFileSystemStore() {
    try (ObjectStore store = ObjectStoreLocation.parse("file:/var/stratus/tiered").open()) {
      assertThat(store).isInstanceOf(FileSystemObjectStore.class);
      assertThat(store.describe()).isEqualTo("directory /var/stratus/tiered");
    }
  }

  @Test
  void aDirectoryNeedsAPath() {
    assertThatThrownBy(() -> ObjectStoreLocation.parse("file:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("object store file: needs a directory, as file:DIR");
  }

  @Test
  void nothingIsNotALocation() {
    assertThatThrownBy(() -> ObjectStoreLocation.parse(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("object store must be file:DIR or s3://bucket")
        .hasMessageEndingWith("got nothing");
    assertThatThrownBy(() -> ObjectStoreLocation.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownSchemeIsRejected() {
    assertThatThrownBy(() -> ObjectStoreLocation.parse("gs://bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("object store must start with file: or s3://, got 'gs://bucket'");
  }

  @Test
  void aBareBucketTakesEveryDefault() {
    var location = ObjectStoreLocation.parse("s3://segments");

    assertThat(location)
        .isEqualTo(
            new ObjectStoreLocation.S3(
                "segments", "", Optional.empty(), Optional.empty(), false, 8 * MIB))
        .isEqualTo(new ObjectStoreLocation.S3("segments", ""));
    assertThat(location.asString()).isEqualTo("s3://segments");
    assertThat(location.isRemote()).isTrue();
  }

  @Test
  void everyParameterIsRead() {
    var location =
        ObjectStoreLocation.parse(
            "s3://segments.example/tiered/lkc-ab12cd?endpoint=http://127.0.0.1:9000"
                + "&region=eu-west-1&pathStyle=true&partSize=16777216");

    assertThat(location)
        .isEqualTo(
            new ObjectStoreLocation.S3(
                "segments.example",
                "tiered/lkc-ab12cd",
                Optional.of(URI.create("http://127.0.0.1:9000")),
                Optional.of("eu-west-1"),
                true,
                16 * MIB));
  }

  @Test
  void aTrailingSlashIsNotPartOfThePrefix() {
    var location = (ObjectStoreLocation.S3) ObjectStoreLocation.parse("s3://segments/tiered/");

    assertThat(location.prefix()).isEqualTo("tiered");
    assertThat(location.bucketUri()).isEqualTo("s3://segments/tiered");
    assertThat(((ObjectStoreLocation.S3) ObjectStoreLocation.parse("s3://segments/")).prefix())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3://segments",
        "s3://segments/tiered",
        "s3://segments/tiered/lkc-ab12cd",
        "s3://segments?endpoint=https://s3.example.com",
        "s3://segments?endpoint=http://minio:9000/gateway",
        "s3://segments?region=ap-southeast-2",
        "s3://segments?pathStyle=true",
        "s3://segments?partSize=5242880",
        "s3://seg-ments.1/a/b/c?endpoint=http://[::1]:9000&region=auto&pathStyle=true"
            + "&partSize=5368709120",
      })
  void theCanonicalFormReadsBackAsItself(String canonical) {
    var location = ObjectStoreLocation.parse(canonical);

    assertThat(location.asString()).isEqualTo(canonical);
    assertThat(ObjectStoreLocation.parse(location.asString())).isEqualTo(location);
  }

  @Test
  void theCanonicalFormOrdersParametersAndLeavesOutDefaults() {
    var location =
        ObjectStoreLocation.parse(
            "s3://segments/tiered/?partSize=8388608&pathStyle=false&region=eu-west-1"
                + "&endpoint=http://localhost:9000");

    assertThat(location.asString())
        .isEqualTo("s3://segments/tiered?endpoint=http://localhost:9000&region=eu-west-1");
    assertThat(ObjectStoreLocation.parse(location.asString())).isEqualTo(location);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          s3://                                  | bucket is missing: write s3://bucket[/prefix]
          s3://?region=eu-west-1                 | bucket is missing
          s3://ab                                | bucket must be 3 to 63 characters long, got 'ab' (2)
          s3://Segments                          | bucket may only contain lowercase letters, digits, '.' and '-', got 'Segments'
          s3://seg_ments                         | bucket may only contain lowercase letters, digits, '.' and '-', got 'seg_ments'
          s3://-segments                         | bucket must start and end with a letter or digit, got '-segments'
          s3://segments.                         | bucket must start and end with a letter or digit, got 'segments.'
          s3://seg..ments                        | bucket must not contain two adjacent dots, got 'seg..ments'
          s3://192.168.1.10                      | bucket must not look like an IP address, got '192.168.1.10'
          s3://segments//tiered                  | prefix must not start or end with '/', got '/tiered'
          s3://segments/a//b                     | prefix must be '/'-separated names without empty, '.' or '..' parts, got 'a//b'
          s3://segments/a/../b                   | prefix must be '/'-separated names without empty, '.' or '..' parts, got 'a/../b'
          s3://segments/a#b                      | prefix must not contain '?', '#', '\\' or control characters, got 'a#b'
          s3://segments?colour=blue              | unknown query parameter 'colour'; allowed are endpoint, region, pathStyle, partSize
          s3://segments?pathstyle=true           | unknown query parameter 'pathstyle'; allowed are endpoint, region, pathStyle, partSize
          s3://segments?region                   | query parameters must be name=value, got 'region'
          s3://segments?region=eu-west-1&        | query parameters must be name=value, got ''
          s3://segments?region=                  | query parameter region needs a value, as region=VALUE
          s3://segments?region=a&region=b        | query parameter region is given more than once
          s3://segments?region=eu west           | region must be 1 to 64 letters, digits, '-' or '_' (like us-east-1), got 'eu west'
          s3://segments?endpoint=ftp://host      | endpoint must be an http:// or https:// URL with a host, got 'ftp://host'
          s3://segments?endpoint=localhost:9000  | endpoint must be an http:// or https:// URL with a host, got 'localhost:9000'
          s3://segments?endpoint=/just/a/path    | endpoint must be an http:// or https:// URL with a host, got '/just/a/path'
          s3://segments?endpoint=http://h/?x=1   | endpoint must be http(s)://host[:port][/path] without '?', '#' or '&', got 'http://h/?x=1'
          s3://segments?endpoint=http://h p      | endpoint must be an http:// or https:// URL, got 'http://h p' (Illegal character in authority)
          s3://segments?pathStyle=yes            | pathStyle must be true or false, got 'yes'
          s3://segments?partSize=8MiB            | partSize must be a whole number of bytes (like 8388608), got '8MiB'
          s3://segments?partSize=1048576         | partSize must be between 5242880 (5 MiB) and 5368709120 (5 GiB) bytes, got 1048576
          s3://segments?partSize=5368709121      | partSize must be between 5242880 (5 MiB) and 5368709120 (5 GiB) bytes, got 5368709121
          """)
  void aBadS3LocationSaysWhatIsWrong(String location, String message) {
    assertThatThrownBy(() -> ObjectStoreLocation.parse(location))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("s3 object store: ")
        .hasMessageContaining(message);
  }

  @Test
  void aBucketNameMayBeSixtyThreeCharactersButNoMore() {
    String longest = "b".repeat(63);

    assertThat(((ObjectStoreLocation.S3) ObjectStoreLocation.parse("s3://" + longest)).bucket())
        .isEqualTo(longest);
    assertThatThrownBy(() -> ObjectStoreLocation.parse("s3://" + longest + "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket must be 3 to 63 characters long")
        .hasMessageContaining("(64)");
  }

  @Test
  void credentialsInTheEndpointAreRejectedWithoutRepeatingThem() {
    assertThatThrownBy(
            () ->
                ObjectStoreLocation.parse(
                    "s3://segments?endpoint=http://AKIAEXAMPLE:hunter2@minio:9000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint must not contain user info")
        .hasMessageContaining("AWS credential chain")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("AKIAEXAMPLE");
  }

  @Test
  void theRecordChecksItsComponentsToo() {
    assertThatThrownBy(() -> new ObjectStoreLocation.S3("ab", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket must be 3 to 63 characters long");
    assertThatThrownBy(() -> new ObjectStoreLocation.S3("segments", "/tiered"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix must not start or end with '/'");
    assertThatThrownBy(
            () ->
                new ObjectStoreLocation.S3(
                    "segments",
                    "",
                    Optional.of(URI.create("http://minio:9000/a&b")),
                    Optional.empty(),
                    true,
                    8 * MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without '?', '#' or '&'");
  }

  @Test
  void anS3LocationOpensAnS3StoreThatSaysWhereItIs() {
    var location =
        ObjectStoreLocation.parse(
            "s3://segments/tiered?endpoint=http://127.0.0.1:9000&region=eu-west-1&pathStyle=true");

    try (ObjectStore store = location.open()) {
      assertThat(store).isInstanceOf(S3ObjectStore.class);
      assertThat(store.describe()).isEqualTo("s3://segments/tiered at http://127.0.0.1:9000");
    }
  }
}
