/**
 * Commands: pure decisions that turn a request and an image of the read model into records to
 * append and an answer ({@link io.stratus.controlplane.command.Decision}), and the single-threaded
 * {@link io.stratus.controlplane.command.CommandProcessor} that carries them out: append, then
 * replay, then answer.
 */
package io.stratus.controlplane.command;
