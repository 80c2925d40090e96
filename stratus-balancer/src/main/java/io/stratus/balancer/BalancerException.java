package io.stratus.balancer;

/**
 * Something the balancer needs from Kafka could not be had or done: an Admin call failed or timed
 * out, the load samples could not be read, a plan could not be started. The message says what and,
 * when it can, what to do.
 */
public class BalancerException extends RuntimeException {

  public BalancerException(String message) {
    super(message);
  }

  public BalancerException(String message, Throwable cause) {
    super(message, cause);
  }
}
