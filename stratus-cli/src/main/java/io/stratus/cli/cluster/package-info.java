/**
 * {@code stratus cluster ...}: create, list, describe, scale, balance and delete Kafka clusters.
 */
package io.stratus.cli.cluster;
