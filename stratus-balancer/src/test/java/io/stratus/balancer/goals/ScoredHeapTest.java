package io.stratus.balancer.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoredHeapTest {

  @Test
  void popsTheHighestScoreFirstAndEqualScoresByTheSmallerItem() {
    ScoredHeap heap = new ScoredHeap();
    heap.push(5, 1.0);
    heap.push(3, 2.0);
    heap.push(9, 2.0);
    heap.push(1, -4.0);
    for (int i = 100; i < 200; i++) {
      heap.push(i, 0.5);
    }

    List<Integer> order = new ArrayList<>();
    while (!heap.isEmpty()) {
      order.add(heap.pop());
    }

    assertThat(order.subList(0, 4)).containsExactly(3, 9, 5, 100);
    assertThat(order.get(order.size() - 1)).isEqualTo(1);
    assertThat(order).hasSize(104);
  }
}
