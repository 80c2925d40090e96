package io.stratus.dataplane.substrate;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Layouts with fixed ports and secrets, for tests that need one without a substrate. */
public final class TestLayouts {

  public static final InternalCredentials CREDENTIALS =
      new InternalCredentials(InternalCredentials.USERNAME, "s3cr3t-Password_x");

  private TestLayouts() {}

  /** Three combined nodes (ports 9x00 + node id) and one broker-only node 3. */
  public static ClusterLayout fourNodes(boolean tenantListener) {
    return new ClusterLayout(
        "lkc-abc123",
        "MkU3OEVBNTcwNTJENDM2Qk",
        "4.4.0",
        "127.0.0.1",
        tenantListener,
        CREDENTIALS,
        Map.of("num.partitions", "3"),
        List.of(
            combined(0, tenantListener),
            combined(1, tenantListener),
            combined(2, tenantListener),
            new NodeLayout(3, EnumSet.of(NodeRole.BROKER), tenantListener ? 9103 : 0, 9203, 0)));
  }

  /** One combined node 0. */
  public static ClusterLayout oneNode(boolean tenantListener) {
    return new ClusterLayout(
        "lkc-one001",
        "MkU3OEVBNTcwNTJENDM2Qk",
        "4.4.0",
        "127.0.0.1",
        tenantListener,
        CREDENTIALS,
        Map.of(),
        List.of(combined(0, tenantListener)));
  }

  private static NodeLayout combined(int nodeId, boolean tenantListener) {
    return new NodeLayout(
        nodeId,
        EnumSet.of(NodeRole.BROKER, NodeRole.CONTROLLER),
        tenantListener ? 9100 + nodeId : 0,
        9200 + nodeId,
        9300 + nodeId);
  }
}
