package io.stratus.plugins.tiered.store;

/** One stored object: its key (relative to the store's root) and its size in bytes. */
public record ObjectSummary(String key, long size) {}
