/** {@code stratus cluster ...}: create, list, describe, scale and delete Kafka clusters. */
package io.stratus.cli.cluster;
