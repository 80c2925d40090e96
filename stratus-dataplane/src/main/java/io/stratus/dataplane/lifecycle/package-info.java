/**
 * Cluster lifecycle without downtime: the safe-roll gate that decides, from Kafka's own view of the
 * cluster, whether a node may be restarted now, and the order nodes are rolled in. Pure; the
 * reconciler feeds it what it read through the Admin API.
 */
package io.stratus.dataplane.lifecycle;
