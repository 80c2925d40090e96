package io.stratus.balancer.goals;

import java.util.Arrays;

/**
 * A max-heap of candidates (an int, such as a slot) by score, in primitive arrays. Equal scores pop
 * the smaller candidate first, so that runs are deterministic. Reused across sessions. Not
 * thread-safe.
 */
final class ScoredHeap {

  private double[] scores = new double[64];
  private int[] items = new int[64];
  private int size;

  void clear() {
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void push(int item, double score) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      scores = Arrays.copyOf(scores, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(score, item, scores[parent], items[parent])) {
        break;
      }
      scores[i] = scores[parent];
      items[i] = items[parent];
      i = parent;
    }
    scores[i] = score;
    items[i] = item;
  }

  /** The best score; the heap must not be empty. */
  double topScore() {
    return scores[0];
  }

  /** The best candidate; the heap must not be empty. */
  int topItem() {
    return items[0];
  }

  /** Removes the best candidate and returns it. */
  int pop() {
    int top = items[0];
    size--;
    if (size > 0) {
      double score = scores[size];
      int item = items[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size
            && before(scores[child + 1], items[child + 1], scores[child], items[child])) {
          child++;
        }
        if (!before(scores[child], items[child], score, item)) {
          break;
        }
        scores[i] = scores[child];
        items[i] = items[child];
        i = child;
      }
      scores[i] = score;
      items[i] = item;
    }
    return top;
  }

  private static boolean before(double scoreA, int itemA, double scoreB, int itemB) {
    return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
  }
}
