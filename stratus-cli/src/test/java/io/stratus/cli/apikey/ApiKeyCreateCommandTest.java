package io.stratus.cli.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.StratusJson;
import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import io.stratus.cli.testing.StubApi;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyCreateCommandTest {

  private static final String KEYS_PATH = "/v1/clusters/lkc-ab12cd/api-keys";
  private static final String ANSWER = "{\"key\":\"K3Y\",\"secret\":\"s3cr3t\"}";

  private StubApi api;

  @BeforeEach
  void startApi() throws IOException {
    api = StubApi.start().json("POST", KEYS_PATH, 201, ANSWER);
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void printsTheKeyTheSecretAndThatItIsShownOnce() {
    Result result =
        CliRun.run(
            CliRun.environment(),
            "api-key",
            "create",
            "lkc-ab12cd",
            "--api-url",
            api.url(),
            "--api-key",
            "admin");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Cluster:  lkc-ab12cd")
        .contains("Key:      K3Y")
        .contains("Secret:   s3cr3t")
        .contains("shown only once");
    assertThat(api.requests("POST", KEYS_PATH)).hasSize(1);
  }

  @Test
  void printsOnlyTheApisJsonWhenAskedFor() throws IOException {
    Result result =
        CliRun.run(
            CliRun.environment(),
            "api-key",
            "create",
            "lkc-ab12cd",
            "-o",
            "json",
            "--api-url",
            api.url(),
            "--api-key",
            "admin");

    assertThat(StratusJson.mapper().readTree(result.out()))
        .isEqualTo(StratusJson.mapper().readTree(ANSWER));
  }
}
