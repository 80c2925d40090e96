/** {@code stratus api-key ...}: Kafka client credentials for a cluster. */
package io.stratus.cli.apikey;
