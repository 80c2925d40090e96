/**
 * The load monitor: it reads the partition load samples brokers publish (the load reporter broker
 * plugin) into windows of time ({@link io.stratus.balancer.monitor.SampleWindows}, pure), and
 * builds a {@link io.stratus.balancer.model.ClusterModel} from them and the Admin API ({@link
 * io.stratus.balancer.monitor.LoadMonitor}, the I/O adapter).
 */
package io.stratus.balancer.monitor;
