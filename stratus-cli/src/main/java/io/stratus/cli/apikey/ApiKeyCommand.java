package io.stratus.cli.apikey;

import picocli.CommandLine.Command;

/** {@code stratus api-key}: the group of commands for Kafka client credentials. */
@Command(
    name = "api-key",
    description = "Manage Kafka client credentials (SASL/SCRAM) of a cluster.",
    subcommands = {ApiKeyCreateCommand.class})
public final class ApiKeyCommand {}
