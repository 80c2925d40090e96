package io.stratus.controlplane.command;

import static io.stratus.controlplane.TestData.cluster;
import static io.stratus.controlplane.TestData.put;
import static io.stratus.controlplane.TestData.removed;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.Cluster;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.DesiredCluster;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.InMemoryEventLog;
import io.stratus.controlplane.log.InMemoryStateTopics;
import io.stratus.controlplane.model.ReadModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandProcessorTest {

  private final InMemoryStateTopics topics = new InMemoryStateTopics();
  private final ClusterCommands clusters = new ClusterCommands(TestData.rules());
  private final List<CommandProcessor> processors = new ArrayList<>();

  @AfterEach
  void close() {
    processors.forEach(CommandProcessor::close);
  }

  private CommandProcessor started() throws Exception {
    CommandProcessor processor =
        new CommandProcessor(new InMemoryEventLog(topics), TestData.context(1));
    processors.add(processor);
    processor.start().get(10, TimeUnit.SECONDS);
    return processor;
  }

  private static <T> Outcome<T> run(CommandProcessor processor, Command<T> command)
      throws Exception {
    return processor.execute(command).get(10, TimeUnit.SECONDS);
  }

  /** The image once everything submitted before has been processed. */
  private static ReadModel settled(CommandProcessor processor) throws Exception {
    return ((Outcome.Done<ReadModel>)
            run(processor, (model, context) -> Decision.accept(List.of(), model)))
        .value();
  }

  private Outcome<Cluster> create(CommandProcessor processor, String name) throws Exception {
    return run(
        processor,
        (model, context) ->
            clusters.create(
                model, context, new CreateClusterRequest(name, "dedicated", null, null, null)));
  }

  @Test
  void nothingIsServedBeforeStart() {
    CommandProcessor processor =
        new CommandProcessor(new InMemoryEventLog(topics), TestData.context(1));
    processors.add(processor);

    assertThat(processor.availability()).isInstanceOf(Availability.CatchingUp.class);
    assertThat(processor.availability().serving()).isFalse();
  }

  @Test
  void startRebuildsTheModelFromBothTopics() throws Exception {
    DesiredCluster orders = cluster("lkc-orders", "orders", 3);
    topics.publishStatus(TestData.agent("agent-1", TestData.NOW));
    CommandProcessor first = started();
    run(first, (model, context) -> Decision.accept(List.of(put(orders)), "ok"));
    first.close();

    CommandProcessor second = started();

    assertThat(second.availability().serving()).isTrue();
    assertThat(second.model().cluster("lkc-orders")).isPresent();
    assertThat(second.model().latestAgent()).isPresent();
  }

  @Test
  void anAcceptedCommandIsCommittedThenReplayedBeforeItAnswers() throws Exception {
    CommandProcessor processor = started();

    Outcome<Cluster> outcome = create(processor, "orders");

    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    String id = ((Outcome.Done<Cluster>) outcome).value().id();
    assertThat(processor.model().cluster(id)).isPresent();
    assertThat(topics.desiredRecords())
        .extracting(DesiredRecord::key)
        .containsExactly("cluster/" + id);
  }

  @Test
  void writesAreSerializedSoTheSecondOfTwoSameNamedCreatesConflicts() throws Exception {
    CommandProcessor processor = started();

    var first =
        processor.execute(
            (model, context) ->
                clusters.create(
                    model,
                    context,
                    new CreateClusterRequest("orders", "dedicated", null, null, null)));
    var second =
        processor.execute(
            (model, context) ->
                clusters.create(
                    model,
                    context,
                    new CreateClusterRequest("orders", "dedicated", null, null, null)));

    assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Done.class);
    assertThat(second.get(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused ->
                assertThat(refused.rejection().reason()).isEqualTo(Rejection.Reason.CONFLICT));
    assertThat(topics.desiredRecords()).hasSize(1);
  }

  @Test
  void aRefusedCommandWritesNothing() throws Exception {
    CommandProcessor processor = started();

    Outcome<Cluster> outcome = create(processor, "Not-A-Label");

    assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    assertThat(topics.desiredRecords()).isEmpty();
  }

  @Test
  void aFailedAppendChangesNothingAndTheNextOneSucceeds() throws Exception {
    CommandProcessor processor = started();
    topics.failNextAppend("broker unreachable");

    Outcome<Cluster> failed = create(processor, "orders");

    assertThat(failed)
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused -> {
              assertThat(refused.rejection().reason()).isEqualTo(Rejection.Reason.UNAVAILABLE);
              assertThat(refused.rejection().detail())
                  .contains("broker unreachable")
                  .contains("try again");
            });
    assertThat(processor.model().clusters()).isEmpty();
    assertThat(create(processor, "orders")).isInstanceOf(Outcome.Done.class);
    assertThat(processor.model().clusters()).hasSize(1);
  }

  @Test
  void aFencedInstanceStopsAcceptingWrites() throws Exception {
    CommandProcessor old = started();
    CommandProcessor current = started();

    Outcome<Cluster> refused = create(old, "orders");

    assertThat(refused)
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            r -> assertThat(r.rejection().detail()).contains("another control plane instance"));
    assertThat(old.availability()).isInstanceOf(Availability.Stopped.class);
    assertThat(create(old, "payments"))
        .as("a fenced instance must not write again")
        .isInstanceOf(Outcome.Refused.class);
    assertThat(create(current, "orders")).isInstanceOf(Outcome.Done.class);
    assertThat(topics.desiredRecords()).hasSize(1);
  }

  @Test
  void aStatusTombstoneForADeletingClusterFinishesTheDeletion() throws Exception {
    CommandProcessor processor = started();
    String id = ((Outcome.Done<Cluster>) create(processor, "orders")).value().id();
    run(processor, (model, context) -> clusters.delete(model, id));

    processor.replayStatus(List.of(removed(id)));

    assertThat(settled(processor).cluster(id)).isEmpty();
    assertThat(topics.desiredRecords())
        .last()
        .isEqualTo(new DesiredRecord.Tombstone("cluster/" + id));
  }

  @Test
  void aDeletionTheAgentFinishedWhileTheControlPlaneWasDownIsFinishedAtStart() throws Exception {
    CommandProcessor first = started();
    String id = ((Outcome.Done<Cluster>) create(first, "orders")).value().id();
    run(first, (model, context) -> clusters.delete(model, id));
    first.close();
    topics.publishStatusTombstone("cluster/" + id);

    CommandProcessor second = started();

    assertThat(second.model().cluster(id)).isEmpty();
    assertThat(topics.desiredRecords())
        .last()
        .isEqualTo(new DesiredRecord.Tombstone("cluster/" + id));
  }

  @Test
  void closingRefusesLaterCommands() throws Exception {
    CommandProcessor processor = started();
    processor.close();

    assertThat(create(processor, "orders"))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            r -> assertThat(r.rejection().detail()).contains("shutting down"));
  }
}
