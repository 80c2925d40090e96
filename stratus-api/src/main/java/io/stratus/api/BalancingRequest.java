package io.stratus.api;

/**
 * The {@code balancing} object of a create or patch body, holding what the user sent, unvalidated.
 *
 * @param mode the wire name of a {@link BalancingMode} ({@code off}, {@code empty-broker}, {@code
 *     any-uneven-load}); absent keeps the current mode, or takes the default on create
 */
public record BalancingRequest(String mode) {}
