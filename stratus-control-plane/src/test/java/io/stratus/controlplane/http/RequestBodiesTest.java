package io.stratus.controlplane.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceRequest;
import io.stratus.api.BalancingRequest;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.PatchClusterRequest;
import io.stratus.api.RestartClusterRequest;
import io.stratus.controlplane.validation.Validation;
import io.stratus.controlplane.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

  private static Validation<CreateClusterRequest> create(String json) {
    return RequestBodies.createCluster(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Violation violation(Validation<?> validation) {
    assertThat(validation).as("expected a broken rule").isInstanceOf(Validation.Invalid.class);
    return ((Validation.Invalid<?>) validation).violation();
  }

  @Test
  void aFullCreateBodyIsRead() {
    Validation<CreateClusterRequest> request =
        create(
            """
            {"name":"orders","type":"dedicated","brokers":5,"kafkaVersion":"4.4.0",
             "config":{"num.partitions":"6"}}""");

    assertThat(request)
        .isEqualTo(
            Validation.valid(
                new CreateClusterRequest(
                    "orders", "dedicated", 5, "4.4.0", Map.of("num.partitions", "6"))));
  }

  @Test
  void absentAndNullFieldsAreNull() {
    assertThat(create("{\"name\":\"orders\",\"brokers\":null}"))
        .isEqualTo(Validation.valid(new CreateClusterRequest("orders", null, null, null, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"name\":}", "not json", "{\"name\":\"a\"} {}", "{'name':'a'}"})
  void malformedJsonIsAProblemOfTheBody(String json) {
    Violation violation = violation(create(json));

    assertThat(violation.field()).isEqualTo("body");
    assertThat(violation.detail()).startsWith("the request body is not valid JSON");
  }

  @Test
  void duplicateFieldsAreRefused() {
    Violation violation = violation(create("{\"name\":\"a\",\"name\":\"b\"}"));

    assertThat(violation.field()).isEqualTo("body");
    assertThat(violation.detail()).contains("Duplicate field 'name'");
  }

  @Test
  void anEmptyBodyIsRefused() {
    Violation violation = violation(create(""));

    assertThat(violation.field()).isEqualTo("body");
    assertThat(violation.detail()).contains("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"orders\"", "3", "null"})
  void theBodyMustBeAnObject(String json) {
    Violation violation = violation(create(json));

    assertThat(violation.field()).isEqualTo("body");
    assertThat(violation.detail()).contains("must be a JSON object");
  }

  @Test
  void unknownFieldsAreNamedWithTheAllowedOnes() {
    Violation violation = violation(create("{\"name\":\"orders\",\"colour\":\"red\"}"));

    assertThat(violation.field()).isEqualTo("colour");
    assertThat(violation.detail())
        .isEqualTo(
            "unknown field 'colour'; allowed: name, type, brokers, kafkaVersion, config,"
                + " balancing");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"brokers\":\"three\"}|brokers|a whole number from 1 to 32",
        "{\"brokers\":\"3\"}|brokers|a whole number from 1 to 32",
        "{\"brokers\":3.5}|brokers|a whole number from 1 to 32",
        "{\"brokers\":99999999999}|brokers|a whole number from 1 to 32",
        "{\"name\":5}|name|a string",
        "{\"type\":[\"dedicated\"]}|type|a string",
        "{\"kafkaVersion\":4.4}|kafkaVersion|a string",
        "{\"config\":[]}|config|an object",
        "{\"config\":{\"num.partitions\":{}}}|config.num.partitions|a non-empty string",
        "{\"config\":{\"num.partitions\":null}}|config.num.partitions|a non-empty string",
        "{\"balancing\":\"off\"}|balancing|an object",
        "{\"balancing\":{\"mode\":1}}|balancing.mode|a string"
      })
  void wrongJsonTypesNameTheField(String json, String field, String expected) {
    Violation violation = violation(create(json));

    assertThat(violation.field()).isEqualTo(field);
    assertThat(violation.detail()).contains(field + " must be " + expected).contains("was");
  }

  @Test
  void numbersAndBooleansInConfigAreTakenAsTheirText() {
    Validation<CreateClusterRequest> request =
        create("{\"config\":{\"num.partitions\":6,\"auto.create.topics.enable\":false}}");

    assertThat(((Validation.Valid<CreateClusterRequest>) request).value().config())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("num.partitions", "6", "auto.create.topics.enable", "false"));
  }

  @Test
  void aPatchBodyIsRead() {
    assertThat(
            RequestBodies.patchCluster(
                "{\"brokers\":4,\"resourceVersion\":7}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Validation.valid(new PatchClusterRequest(4, null, null, 7L)));
  }

  @Test
  void aPatchCannotRenameTheCluster() {
    Violation violation =
        violation(RequestBodies.patchCluster("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)));

    assertThat(violation.field()).isEqualTo("name");
    assertThat(violation.detail())
        .contains("allowed: brokers, kafkaVersion, config, resourceVersion");
  }

  @Test
  void balancingIsReadAsAnObjectWithAMode() {
    assertThat(create("{\"name\":\"orders\",\"balancing\":{\"mode\":\"off\"}}"))
        .isEqualTo(
            Validation.valid(
                new CreateClusterRequest(
                    "orders", null, null, null, null, new BalancingRequest("off"))));
    assertThat(
            RequestBodies.patchCluster(
                "{\"balancing\":{\"mode\":\"empty-broker\"}}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            Validation.valid(
                new PatchClusterRequest(
                    null, null, null, null, new BalancingRequest("empty-broker"))));
  }

  @Test
  void unknownBalancingFieldsAreNamedByTheirPath() {
    Violation violation = violation(create("{\"balancing\":{\"trigger\":\"off\"}}"));

    assertThat(violation.field()).isEqualTo("balancing.trigger");
    assertThat(violation.detail()).isEqualTo("unknown field 'balancing.trigger'; allowed: mode");
  }

  @Test
  void aBalanceBodyIsRead() {
    assertThat(
            RequestBodies.balanceRequest("{\"action\":\"plan\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Validation.valid(new BalanceRequest("plan")));
    assertThat(RequestBodies.balanceRequest(new byte[0]))
        .as("an empty body is a request without action")
        .isEqualTo(Validation.valid(new BalanceRequest(null)));
  }

  @Test
  void aBalanceBodyHasOnlyAnAction() {
    Violation wrongType =
        violation(RequestBodies.balanceRequest("{\"action\":3}".getBytes(StandardCharsets.UTF_8)));
    Violation unknown =
        violation(
            RequestBodies.balanceRequest(
                "{\"action\":\"plan\",\"force\":true}".getBytes(StandardCharsets.UTF_8)));

    assertThat(wrongType.field()).isEqualTo("action");
    assertThat(wrongType.detail()).contains("one of plan, rebalance, stop");
    assertThat(unknown.field()).isEqualTo("force");
    assertThat(unknown.detail()).contains("allowed: action");
  }

  @Test
  void aRestartBodyMayBeEmptyOrNameTheVersion() {
    assertThat(RequestBodies.restartCluster(new byte[0]))
        .isEqualTo(Validation.valid(RestartClusterRequest.ANY_VERSION));
    assertThat(
            RequestBodies.restartCluster(
                "{\"resourceVersion\":4}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Validation.valid(new RestartClusterRequest(4L)));
    assertThat(
            violation(
                    RequestBodies.restartCluster(
                        "{\"resourceVersion\":\"4\"}".getBytes(StandardCharsets.UTF_8)))
                .field())
        .isEqualTo("resourceVersion");
  }
}
