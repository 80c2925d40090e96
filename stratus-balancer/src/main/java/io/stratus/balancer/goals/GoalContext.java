package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What a goal optimizing the state may do and should prefer: it may only take actions every goal
 * before it accepts, and among those it ranks candidates by its own benefit, the benefit to the
 * goals after it, and the bytes the action copies.
 *
 * <p>A candidate's score is {@code 4 × own benefit + Σ weight × later benefit − 3 × bytes moved /
 * mean disk per broker}, where later hard goals weigh 100 and later soft goals 1. Benefits count
 * how much brokers come back into their bands, in units of the mean broker load, so moving a
 * replica of size s from a broker above the disk band to one below it is worth 2s for disk, and
 * about as much again for network in, whose load follows the same replicas. A price of 3 per byte
 * makes such a move pay only while both ends are outside both bands: once the source is back in its
 * band, a goal that must move replicas anyway (for their count, say) moves small ones, and the disk
 * goal later copies exactly the bytes the disk band needs. With a price of 1.2 the replica goal
 * filled new brokers with the largest replicas and the disk goal moved bytes back: on the
 * 100-broker synthetic cluster, 1.9 times the lower bound by the end of the disk goal, against 1.3
 * with a price of 3. Leadership transfers copy nothing and are always cheaper.
 *
 * <p>Where a goal needs a move (a broker outside a resource band, a replica to evacuate, a rack to
 * spread), the score only ranks its candidates. Where a move is a refinement (leadership evened out
 * beyond the band, a topic spread more evenly), only candidates scoring above zero are taken.
 *
 * <p>Immutable apart from the goals it holds; as thread-safe as they are (not at all, see {@link
 * Goal}).
 */
public final class GoalContext {

  /** How much a goal's own benefit counts against the benefit to later goals. */
  static final double OWN_WEIGHT = 4;

  /** How much a later hard goal's benefit counts: enough to dominate any soft concern. */
  static final double HARD_WEIGHT = 100;

  /** How much a later soft goal's benefit counts. */
  static final double SOFT_WEIGHT = 1;

  /** The price of copying the mean broker's disk load, in units of benefit. */
  static final double BYTES_PRICE = 3;

  private final Goal[] earlier;
  private final Goal[] later;
  private final double[] laterWeights;
  private final double bytesPrice;
  private final int[] tieRank;

  private GoalContext(Goal[] earlier, Goal[] later, double bytesPrice, int[] tieRank) {
    this.earlier = earlier;
    this.tieRank = tieRank;
    this.later = later;
    this.laterWeights = new double[later.length];
    for (int i = 0; i < later.length; i++) {
      laterWeights[i] = later[i].hard() ? HARD_WEIGHT : SOFT_WEIGHT;
    }
    this.bytesPrice = bytesPrice;
  }

  /**
   * The context of goal {@code index} of {@code goals} (in priority order) on {@code state}.
   *
   * @param seed orders brokers that are otherwise equal, such as several empty new brokers
   */
  public static GoalContext of(List<Goal> goals, int index, BalancingState state, long seed) {
    double meanDisk = state.mean(Resource.DISK);
    return new GoalContext(
        goals.subList(0, index).toArray(new Goal[0]),
        goals.subList(index + 1, goals.size()).toArray(new Goal[0]),
        meanDisk > 0 ? BYTES_PRICE / meanDisk : 0,
        tieRanks(state.brokerCount(), seed));
  }

  private static int[] tieRanks(int brokers, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int b = 0; b < brokers; b++) {
      order.add(b);
    }
    Collections.shuffle(order, new Random(seed));
    int[] rank = new int[brokers];
    for (int i = 0; i < brokers; i++) {
      rank[order.get(i)] = i;
    }
    return rank;
  }

  /** Where broker {@code b} comes among brokers that are otherwise equal. */
  int tieRank(int b) {
    return tieRank[b];
  }

  /** Whether every earlier goal accepts moving {@code slot} to {@code dst}. */
  public boolean acceptsMove(BalancingState state, int slot, int dst) {
    for (Goal goal : earlier) {
      if (!goal.acceptsMove(state, slot, dst)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every earlier goal accepts making {@code newLeaderSlot} lead. */
  public boolean acceptsLeadership(BalancingState state, int newLeaderSlot) {
    for (Goal goal : earlier) {
      if (!goal.acceptsLeadership(state, newLeaderSlot)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every earlier goal accepts exchanging the brokers of two slots. */
  public boolean acceptsSwap(BalancingState state, int slotA, int slotB) {
    for (Goal goal : earlier) {
      if (!goal.acceptsSwap(state, slotA, slotB)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every earlier goal accepts a leadership swap. */
  public boolean acceptsLeadershipSwap(BalancingState state, int newLeaderP, int newLeaderQ) {
    for (Goal goal : earlier) {
      if (!goal.acceptsLeadershipSwap(state, newLeaderP, newLeaderQ)) {
        return false;
      }
    }
    return true;
  }

  /** The score of a leadership swap; it copies nothing. */
  public double scoreLeadershipSwap(
      BalancingState state, int newLeaderP, int newLeaderQ, double ownBenefit) {
    double score = OWN_WEIGHT * ownBenefit;
    for (int i = 0; i < later.length; i++) {
      score += laterWeights[i] * later[i].leadershipSwapBenefit(state, newLeaderP, newLeaderQ);
    }
    return score;
  }

  /** The score of moving {@code slot} to {@code dst} given the optimizing goal's own benefit. */
  public double scoreMove(BalancingState state, int slot, int dst, double ownBenefit) {
    double score = OWN_WEIGHT * ownBenefit;
    for (int i = 0; i < later.length; i++) {
      score += laterWeights[i] * later[i].moveBenefit(state, slot, dst);
    }
    return score - bytesPrice * state.localBytes(state.partitionOf(slot));
  }

  /** The score of making {@code newLeaderSlot} lead; it copies nothing. */
  public double scoreLeadership(BalancingState state, int newLeaderSlot, double ownBenefit) {
    double score = OWN_WEIGHT * ownBenefit;
    for (int i = 0; i < later.length; i++) {
      score += laterWeights[i] * later[i].leadershipBenefit(state, newLeaderSlot);
    }
    return score;
  }

  /** The score of exchanging the brokers of two slots; both replicas are copied. */
  public double scoreSwap(BalancingState state, int slotA, int slotB, double ownBenefit) {
    double score = OWN_WEIGHT * ownBenefit;
    for (int i = 0; i < later.length; i++) {
      score += laterWeights[i] * later[i].swapBenefit(state, slotA, slotB);
    }
    long bytes =
        state.localBytes(state.partitionOf(slotA)) + state.localBytes(state.partitionOf(slotB));
    return score - bytesPrice * bytes;
  }
}
