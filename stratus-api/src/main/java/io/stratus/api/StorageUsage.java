package io.stratus.api;

/**
 * How much data a cluster keeps, and where.
 *
 * @param localBytes bytes on the brokers' disks, every replica counted (the hot set)
 * @param remoteBytes bytes of tiered segments in the object store, as stored (after compression and
 *     encryption), each segment counted once
 */
public record StorageUsage(long localBytes, long remoteBytes) {

  public StorageUsage {
    if (localBytes < 0 || remoteBytes < 0) {
      throw new IllegalArgumentException(
          "storage usage must not be negative, was local=" + localBytes + " remote=" + remoteBytes);
    }
  }
}
