/**
 * The {@code stratus} command. {@link io.stratus.cli.StratusCommand} is the root of the command
 * tree; its subcommands are API clients ({@code cluster}, {@code api-key}) that talk to the control
 * plane's REST API, and {@code up}, which runs the whole platform on this machine.
 */
package io.stratus.cli;
