package io.stratus.controlplane;

import static io.stratus.controlplane.ApiClient.body;
import static io.stratus.controlplane.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.EventLog;
import io.stratus.controlplane.log.EventLogException;
import io.stratus.controlplane.log.InMemoryEventLog;
import io.stratus.controlplane.log.InMemoryStateTopics;
import io.stratus.controlplane.log.LogContents;
import io.stratus.controlplane.log.StatusRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ControlPlaneStartTest {

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void healthIsUnavailableUntilTheLogIsReadToItsEnd() throws Exception {
    int port = freePort();
    CountDownLatch caughtUp = new CountDownLatch(1);
    GatedEventLog log =
        new GatedEventLog(new InMemoryEventLog(new InMemoryStateTopics()), caughtUp);
    CompletableFuture<ControlPlane> starting =
        CompletableFuture.supplyAsync(
            () -> ControlPlane.start(ControlPlaneHttpTest.settings(port), log));
    ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port), Optional.empty());

    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(problem(api.get("/healthz"), 503).detail())
                      .contains("catching up with its state log"));
      assertThat(problem(api.withToken("x").get("/v1/clusters"), 503).detail())
          .contains("catching up");
      assertThat(starting).isNotDone();

      caughtUp.countDown();

      ControlPlane controlPlane = starting.get(10, TimeUnit.SECONDS);
      try (controlPlane) {
        assertThat(controlPlane.healthy()).isTrue();
        assertThat(body(api.get("/healthz"), 200, Map.class)).containsEntry("status", "ok");
      }
      assertThat(controlPlane.healthy()).isFalse();
    } finally {
      caughtUp.countDown();
    }
  }

  @Test
  void aLogThatCannotBeOpenedFailsTheStartWithItsReasonAndFreesThePort() throws Exception {
    int port = freePort();
    EventLog unreachable =
        new GatedEventLog(new InMemoryEventLog(new InMemoryStateTopics()), new CountDownLatch(0)) {
          @Override
          public void open() {
            throw new EventLogException("the Kafka at nowhere:9092 did not answer");
          }
        };

    assertThatThrownBy(() -> ControlPlane.start(ControlPlaneHttpTest.settings(port), unreachable))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageContaining("could not start")
        .hasMessageContaining("nowhere:9092 did not answer");
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aPortInUseFailsTheStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(
              () ->
                  ControlPlane.start(
                      ControlPlaneHttpTest.settings(taken.getLocalPort()),
                      new InMemoryEventLog(new InMemoryStateTopics())))
          .isInstanceOf(ControlPlaneException.class)
          .hasMessageContaining(
              "cannot listen for the REST API on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  /** A log whose first read to the end waits for a gate. */
  private static class GatedEventLog implements EventLog {
    private final EventLog delegate;
    private final CountDownLatch gate;

    GatedEventLog(EventLog delegate, CountDownLatch gate) {
      this.delegate = delegate;
      this.gate = gate;
    }

    @Override
    public void open() {
      delegate.open();
    }

    @Override
    public LogContents readToEnd() {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.readToEnd();
    }

    @Override
    public void append(List<DesiredRecord> records) {
      delegate.append(records);
    }

    @Override
    public List<StatusRecord> pollStatus(Duration timeout) {
      return delegate.pollStatus(timeout);
    }

    @Override
    public void wakeup() {
      delegate.wakeup();
    }

    @Override
    public String describe() {
      return delegate.describe();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
