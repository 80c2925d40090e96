package io.stratus.controlplane.command;

import io.stratus.controlplane.log.DesiredRecord;
import java.util.List;
import java.util.Objects;

/**
 * What a command decided, without having done any of it: the records to append and the answer to
 * give once they are committed, or a refusal. In the manner of Kafka's {@code ControllerResult}.
 *
 * @param <T> the answer's type
 */
public sealed interface Decision<T> {

  /** Append these records (possibly none) and then answer with {@code response}. */
  static <T> Decision<T> accept(List<DesiredRecord> records, T response) {
    return new Accepted<>(records, response);
  }

  /** Write nothing and refuse. */
  static <T> Decision<T> reject(Rejection rejection) {
    return new Rejected<>(rejection);
  }

  /** The command is accepted. */
  record Accepted<T>(List<DesiredRecord> records, T response) implements Decision<T> {
    public Accepted {
      records = List.copyOf(records);
      Objects.requireNonNull(response, "response");
    }
  }

  /** The command is refused. */
  record Rejected<T>(Rejection rejection) implements Decision<T> {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
