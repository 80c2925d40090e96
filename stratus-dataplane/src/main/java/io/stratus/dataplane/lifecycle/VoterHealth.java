package io.stratus.dataplane.lifecycle;

import java.util.OptionalLong;

/**
 * One voter of the metadata quorum, as the quorum leader reports it ({@code
 * Admin.describeMetadataQuorum}).
 *
 * @param nodeId the voter's node id
 * @param logEndOffset the voter's metadata log end offset
 * @param lastCaughtUpTimestamp when, in the leader's clock (epoch millis), the voter was last
 *     caught up with the leader's log; absent if never
 */
public record VoterHealth(int nodeId, long logEndOffset, OptionalLong lastCaughtUpTimestamp) {}
