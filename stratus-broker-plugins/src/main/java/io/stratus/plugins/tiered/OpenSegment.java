package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.format.BlockCodec;
import io.stratus.plugins.tiered.format.SegmentManifest;
import io.stratus.plugins.tiered.format.SegmentObjectKeys;

/**
 * A stored segment ready to read: its keys, its manifest, and the codec that decodes its blocks
 * (holding the unwrapped data key when it is encrypted).
 */
record OpenSegment(SegmentObjectKeys keys, SegmentManifest manifest, BlockCodec codec) {}
