package io.stratus.balancer.monitor;

import io.stratus.balancer.model.ClusterModel;
import java.util.Objects;

/** What {@link LoadMonitor#model} has to offer: a model to plan on, or why there is none yet. */
public sealed interface ModelResult permits ModelResult.Ready, ModelResult.NotReady {

  /**
   * A model whose rates are averaged over enough windows to plan on.
   *
   * @param model the cluster as it is now, with windowed rates
   * @param windows how many completed windows the rates are averaged over at most
   */
  record Ready(ClusterModel model, int windows) implements ModelResult {

    public Ready {
      Objects.requireNonNull(model, "model");
    }
  }

  /**
   * No model yet.
   *
   * @param reason what the monitor is waiting for, in words for a user, e.g. {@code collecting load
   *     samples: 2 of 3 windows}
   */
  record NotReady(String reason) implements ModelResult {

    public NotReady {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
