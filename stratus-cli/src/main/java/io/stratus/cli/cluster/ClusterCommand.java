package io.stratus.cli.cluster;

import picocli.CommandLine.Command;

/** {@code stratus cluster}: the group of commands that manage Kafka clusters. */
@Command(
    name = "cluster",
    description =
        "Create, list, describe, scale, restart, upgrade, configure, balance and delete Kafka"
            + " clusters.",
    subcommands = {
      ClusterCreateCommand.class,
      ClusterListCommand.class,
      ClusterDescribeCommand.class,
      ClusterScaleCommand.class,
      ClusterRestartCommand.class,
      ClusterUpgradeCommand.class,
      ClusterConfigCommand.class,
      ClusterBalanceCommand.class,
      ClusterDeleteCommand.class
    })
public final class ClusterCommand {}
