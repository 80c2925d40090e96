package io.stratus.balancer.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OngoingReassignmentTest {

  @Test
  void targetAndOriginFromKafkasMergedList() {
    // Moving [0, 1, 2] to [3, 1, 2]: Kafka lists the target first, then the replicas going away.
    OngoingReassignment moving =
        new OngoingReassignment(List.of(3, 1, 2, 0), List.of(3), List.of(0));

    assertThat(moving.target()).containsExactly(3, 1, 2);
    assertThat(moving.origin()).containsExactly(1, 2, 0);
  }
}
