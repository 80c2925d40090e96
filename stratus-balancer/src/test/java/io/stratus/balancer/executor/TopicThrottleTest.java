package io.stratus.balancer.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.plan.PartitionMove;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicThrottleTest {

  @Test
  void throttlesCurrentReplicasAsLeadersAndAddedOnesAsFollowersPerTopic() {
    Map<String, TopicThrottle> throttles =
        TopicThrottle.of(
            List.of(
                new PartitionMove("orders", 0, List.of(0, 1, 2), List.of(3, 1, 2), 0, 10),
                new PartitionMove("orders", 4, List.of(2, 0), List.of(1, 4), 2, 10),
                new PartitionMove("clicks", 1, List.of(1, 2), List.of(1, 3), 1, 10),
                new PartitionMove("clicks", 2, List.of(1, 2), List.of(2, 1), 1, 0)));

    assertThat(throttles).containsOnlyKeys("orders", "clicks");
    assertThat(throttles.get("orders").leaderValue()).isEqualTo("0:0,0:1,0:2,4:0,4:2");
    assertThat(throttles.get("orders").followerValue()).isEqualTo("0:3,4:1,4:4");
    assertThat(throttles.get("clicks").leaderValue())
        .as("the reorder of clicks-2 copies nothing and is not throttled")
        .isEqualTo("1:1,1:2");
    assertThat(throttles.get("clicks").followerValue()).isEqualTo("1:3");
  }

  @Test
  void movesThatCopyNothingNeedNoThrottle() {
    assertThat(
            TopicThrottle.of(
                List.of(new PartitionMove("t", 0, List.of(0, 1), List.of(1, 0), 0, 0))))
        .isEmpty();
  }
}
