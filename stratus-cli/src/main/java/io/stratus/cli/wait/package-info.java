/**
 * {@code --wait}: polling a cluster until the data plane has done what a write asked for, with a
 * progress line while it works. The decisions ({@link io.stratus.cli.wait.WaitCondition}) are pure;
 * time comes from an injected clock and sleeper.
 */
package io.stratus.cli.wait;
