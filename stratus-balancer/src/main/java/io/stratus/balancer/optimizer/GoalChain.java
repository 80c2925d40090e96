package io.stratus.balancer.optimizer;

import io.stratus.balancer.goals.DiskCapacity;
import io.stratus.balancer.goals.DiskUsageDistribution;
import io.stratus.balancer.goals.Goal;
import io.stratus.balancer.goals.LeaderDistribution;
import io.stratus.balancer.goals.NetworkInCapacity;
import io.stratus.balancer.goals.NetworkInDistribution;
import io.stratus.balancer.goals.NetworkOutCapacity;
import io.stratus.balancer.goals.NetworkOutDistribution;
import io.stratus.balancer.goals.RackAwareness;
import io.stratus.balancer.goals.ReplicaCapacity;
import io.stratus.balancer.goals.ReplicaDistribution;
import io.stratus.balancer.goals.ReplicaEvacuation;
import io.stratus.balancer.goals.TopicReplicaDistribution;
import java.util.List;

/** The goals in priority order, hard first, each built fresh from the settings for one run. */
final class GoalChain {

  private GoalChain() {}

  static List<Goal> of(BalancerSettings settings) {
    double upper = settings.upperThreshold();
    double lower = settings.lowerThreshold();
    return List.of(
        new ReplicaEvacuation(),
        new RackAwareness(),
        new ReplicaCapacity(settings.replicaUtilisationLimit()),
        new DiskCapacity(settings.diskUtilisationLimit()),
        new NetworkInCapacity(settings.networkInUtilisationLimit()),
        new NetworkOutCapacity(settings.networkOutUtilisationLimit()),
        new ReplicaDistribution(upper, lower),
        new LeaderDistribution(upper, lower),
        new DiskUsageDistribution(upper, lower),
        new NetworkInDistribution(upper, lower),
        new NetworkOutDistribution(upper, lower),
        new TopicReplicaDistribution(upper, lower, settings.topicReplicaGap()));
  }
}
