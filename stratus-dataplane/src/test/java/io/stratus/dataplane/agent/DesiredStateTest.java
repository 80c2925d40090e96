package io.stratus.dataplane.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterType;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredStateTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final DesiredCluster cluster =
      new DesiredCluster(
          "lkc-abc123",
          new ClusterSpec("orders", ClusterType.DEDICATED, 3, "4.4.0", Map.of()),
          1,
          false,
          NOW);

  @Test
  void theLatestEventOfAClusterWins() {
    DesiredState state =
        DesiredState.empty()
            .apply("cluster/lkc-abc123", new DesiredEvent.ClusterChanged(cluster))
            .apply(
                "cluster/lkc-abc123",
                new DesiredEvent.ClusterChanged(cluster.withSpec(cluster.spec().withBrokers(4))));

    assertThat(state.cluster("lkc-abc123"))
        .hasValueSatisfying(c -> assertThat(c.spec().brokers()).isEqualTo(4));
    assertThat(state.cluster("lkc-abc123").orElseThrow().resourceVersion()).isEqualTo(2);
  }

  @Test
  void tombstonesRemoveClustersAndKeys() {
    DesiredEvent.TenantKeyIssued key =
        new DesiredEvent.TenantKeyIssued("KEY1", "lkc-abc123", "local", "sealed", NOW);
    DesiredState state =
        DesiredState.empty()
            .apply("cluster/lkc-abc123", new DesiredEvent.ClusterChanged(cluster))
            .apply("tenant-key/KEY1", key);

    assertThat(state.keysOf("lkc-abc123")).containsExactly(key);

    DesiredState after = state.apply("cluster/lkc-abc123", null).apply("tenant-key/KEY1", null);

    assertThat(after.clusters()).isEmpty();
    assertThat(after.keysOf("lkc-abc123")).isEmpty();
  }

  @Test
  void platformKeysAreNotTheAgentsConcern() {
    DesiredState state =
        DesiredState.empty()
            .apply(
                "platform-key/ABC",
                new DesiredEvent.PlatformKeyIssued("ABC", "hash", "admin", NOW));

    assertThat(state.clusters()).isEmpty();
    assertThat(state.keys()).isEmpty();
  }

  @Test
  void theLatestBalanceRequestOfAClusterIsKept() {
    DesiredEvent.BalanceRequested plan =
        new DesiredEvent.BalanceRequested("lkc-abc123", "br-1", BalanceAction.PLAN, NOW);
    DesiredEvent.BalanceRequested rebalance =
        new DesiredEvent.BalanceRequested("lkc-abc123", "br-2", BalanceAction.REBALANCE, NOW);

    DesiredState state =
        DesiredState.empty()
            .apply("cluster/lkc-abc123", new DesiredEvent.ClusterChanged(cluster))
            .apply(plan.resourceKey(), plan)
            .apply(rebalance.resourceKey(), rebalance);

    assertThat(state.balanceRequest("lkc-abc123")).contains(rebalance);
    assertThat(state.balanceRequest("lkc-other0")).isEmpty();
    assertThat(state.clusters()).containsOnlyKeys("lkc-abc123");
  }

  @Test
  void balanceRequestsGoWithTheirTombstoneOrTheirCluster() {
    DesiredEvent.BalanceRequested stop =
        new DesiredEvent.BalanceRequested("lkc-abc123", "br-1", BalanceAction.STOP, NOW);
    DesiredState state =
        DesiredState.empty()
            .apply("cluster/lkc-abc123", new DesiredEvent.ClusterChanged(cluster))
            .apply(stop.resourceKey(), stop);

    assertThat(state.apply("balance-request/lkc-abc123", null).balanceRequest("lkc-abc123"))
        .isEmpty();
    assertThat(state.apply("cluster/lkc-abc123", null).balanceRequest("lkc-abc123")).isEmpty();
  }
}
