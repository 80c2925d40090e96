package io.stratus.plugins.tiered.store;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * A flat store of immutable objects addressed by key: the one interface the tiered-storage plugin
 * and the platform need from a filesystem directory or an S3-compatible bucket.
 *
 * <p>Keys are relative, '/'-separated and never start with '/'; each backend maps them under its
 * own root (a directory, or a bucket plus an optional key prefix). Writes replace whole objects and
 * are atomic: a reader sees the previous object, the complete new one, or nothing.
 *
 * <p>Failures are {@link ObjectStoreException}s: {@link ObjectNotFoundException} when the key does
 * not exist, {@link ObjectStoreUnavailableException} when the store could not be reached or
 * answered with a transient error (worth retrying), and the base type for everything else.
 *
 * <p>Implementations are thread-safe.
 */
public interface ObjectStore extends Closeable {

  /**
   * Stores the content of {@code file} under {@code key}, replacing any existing object. Large
   * files may be sent in parts (S3 multipart upload); the object becomes visible only when
   * complete.
   */
  void upload(String key, Path file) throws ObjectStoreException;

  /** Stores {@code content} under {@code key}, replacing any existing object. */
  void put(String key, byte[] content) throws ObjectStoreException;

  /**
   * Reads {@code length} bytes of the object starting at {@code offset} (a ranged read). Fewer
   * bytes are returned only when the object ends first.
   *
   * @throws ObjectNotFoundException when there is no object under {@code key}
   */
  byte[] read(String key, long offset, int length) throws ObjectStoreException;

  /**
   * Reads a whole object.
   *
   * @throws ObjectNotFoundException when there is no object under {@code key}
   */
  byte[] readAll(String key) throws ObjectStoreException;

  /** Deletes the objects under {@code keys}. Idempotent: keys that do not exist are skipped. */
  void delete(Collection<String> keys) throws ObjectStoreException;

  /** Every object whose key starts with {@code prefix}, in key order. */
  List<ObjectSummary> list(String prefix) throws ObjectStoreException;

  /** Where the objects live, for messages and logs (never includes credentials). */
  String describe();

  @Override
  void close();
}
