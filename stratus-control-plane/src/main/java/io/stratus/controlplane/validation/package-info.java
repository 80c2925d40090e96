/**
 * The rules requests must follow: cluster names, types, broker counts, Kafka versions and the
 * broker settings tenants may set. Pure functions of their input; a broken rule is a {@link
 * io.stratus.controlplane.validation.Violation} naming the field.
 */
package io.stratus.controlplane.validation;
