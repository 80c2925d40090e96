package io.stratus.api;

/**
 * How one kind of load is spread over the brokers that may hold replicas.
 *
 * @param max the load of the most loaded broker
 * @param mean the mean load per broker
 */
public record LoadSpread(double max, double mean) {}
