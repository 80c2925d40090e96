package io.stratus.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.ApiKeySecret;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceStatus;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.StratusJson;
import io.stratus.cli.client.ApiResponse;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Prints API answers to a command's standard output, as tables or as the API's JSON. Not
 * thread-safe.
 */
public final class AnswerPrinter {

  private final PrintWriter out;
  private final OutputFormat format;

  AnswerPrinter(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /** A list of clusters. */
  public void clusters(ApiResponse<ClusterList> answer) {
    print(answer.json(), () -> ClusterText.list(answer.value()));
  }

  /** One cluster. */
  public void cluster(ApiResponse<Cluster> answer) {
    print(answer.json(), () -> ClusterText.describe(answer.value()));
  }

  /** A new Kafka client credential of {@code clusterId}. */
  public void apiKey(String clusterId, ApiResponse<ApiKeySecret> answer) {
    print(answer.json(), () -> ClusterText.apiKey(clusterId, answer.value()));
  }

  /** A cluster's balance status. */
  public void balance(ApiResponse<BalanceStatus> answer, Glyphs glyphs) {
    print(answer.json(), () -> BalanceText.status(answer.value(), glyphs));
  }

  /** The plan in a cluster's balance status, with the partitions it moves. */
  public void balancePlan(ApiResponse<BalanceStatus> answer, Glyphs glyphs) {
    print(answer.json(), () -> BalanceText.plan(answer.value(), glyphs));
  }

  /** A request to a cluster's balancer, accepted. */
  public void balanceRequest(ApiResponse<BalanceRequestReceipt> answer) {
    print(answer.json(), () -> BalanceText.receipt(answer.value()));
  }

  /**
   * A line for people, in table form only: in JSON form standard output holds JSON alone, so that
   * scripts can parse it.
   */
  public void note(String line) {
    if (format == OutputFormat.TABLE) {
      out.println(line);
      out.flush();
    }
  }

  /** Whether answers are printed as JSON. */
  public boolean json() {
    return format == OutputFormat.JSON;
  }

  private void print(JsonNode json, Supplier<String> table) {
    if (format == OutputFormat.JSON) {
      out.println(pretty(json));
    } else {
      out.print(table.get());
    }
    out.flush();
  }

  private static String pretty(JsonNode json) {
    try {
      return StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that was just read cannot be written", e);
    }
  }
}
