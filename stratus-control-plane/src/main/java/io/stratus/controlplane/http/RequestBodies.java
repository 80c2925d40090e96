package io.stratus.controlplane.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequest;
import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingRequest;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.PatchClusterRequest;
import io.stratus.api.RestartClusterRequest;
import io.stratus.api.StratusJson;
import io.stratus.controlplane.validation.ClusterRequestRules;
import io.stratus.controlplane.validation.Validation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads request bodies into request records, strictly: the body must be one JSON object without
 * duplicate or unknown fields, and every field must have its JSON type. What the values mean is
 * checked later, by {@link ClusterRequestRules}. Stateless and thread-safe.
 */
final class RequestBodies {

  private static final ObjectReader READER =
      StratusJson.mapper()
          .reader()
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final String BROKERS =
      "a whole number from "
          + ClusterRequestRules.MIN_BROKERS
          + " to "
          + ClusterRequestRules.MAX_BROKERS;

  private static final String ACTIONS = BalanceAction.allowedWireNames();

  private RequestBodies() {}

  /** The body of {@code POST /v1/clusters}. */
  static Validation<CreateClusterRequest> createCluster(byte[] body) {
    return read(
        body,
        List.of("name", "type", "brokers", "kafkaVersion", "config", "balancing"),
        fields ->
            new CreateClusterRequest(
                fields.text("name", "a DNS label"),
                fields.text("type", "dedicated"),
                fields.integer("brokers", BROKERS),
                fields.text("kafkaVersion", "an Apache Kafka version such as 4.4.0"),
                fields.settings("config"),
                balancing(fields)));
  }

  /** The body of {@code PATCH /v1/clusters/{id}}. */
  static Validation<PatchClusterRequest> patchCluster(byte[] body) {
    return read(
        body,
        List.of("brokers", "kafkaVersion", "config", "resourceVersion", "balancing"),
        fields ->
            new PatchClusterRequest(
                fields.integer("brokers", BROKERS),
                fields.text("kafkaVersion", "an Apache Kafka version such as 4.4.0"),
                fields.settings("config"),
                fields.longInteger("resourceVersion", "the whole-number version last read"),
                balancing(fields)));
  }

  /**
   * The body of {@code POST /v1/clusters/{id}/restart}, which may be empty: a restart needs nothing
   * but may name the version it was asked against.
   */
  static Validation<RestartClusterRequest> restartCluster(byte[] body) {
    if (body.length == 0) {
      return Validation.valid(RestartClusterRequest.ANY_VERSION);
    }
    return read(
        body,
        List.of("resourceVersion"),
        fields ->
            new RestartClusterRequest(
                fields.longInteger("resourceVersion", "the whole-number version last read")));
  }

  /**
   * The body of {@code POST /v1/clusters/{id}/balance}. An empty body is a request without an
   * action, so that the answer names the field that is missing.
   */
  static Validation<BalanceRequest> balanceRequest(byte[] body) {
    if (body.length == 0) {
      return Validation.valid(new BalanceRequest(null));
    }
    return read(
        body,
        List.of("action"),
        fields -> new BalanceRequest(fields.text("action", "one of " + ACTIONS)));
  }

  private static BalancingRequest balancing(JsonFields fields) {
    JsonFields balancing =
        fields.object("balancing", List.of("mode"), "such as {\"mode\":\"off\"}");
    return balancing == null
        ? null
        : new BalancingRequest(
            balancing.text("mode", "one of " + BalancingMode.allowedWireNames()));
  }

  private static <T> Validation<T> read(
      byte[] body, List<String> allowed, Function<JsonFields, T> toRequest) {
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : READER.readTree(body);
    } catch (JsonProcessingException e) {
      return Validation.invalid(
          "body",
          "the request body is not valid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (IOException e) {
      return Validation.invalid("body", "the request body could not be read: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      return Validation.invalid("body", "the request body is empty; send a JSON object");
    }
    if (!tree.isObject()) {
      return Validation.invalid(
          "body",
          "the request body must be a JSON object; was "
              + tree.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    try {
      return Validation.valid(toRequest.apply(JsonFields.of((ObjectNode) tree, allowed)));
    } catch (JsonFields.BodyViolation e) {
      return new Validation.Invalid<>(e.violation());
    }
  }
}
