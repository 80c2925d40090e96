package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreException;
import io.stratus.plugins.tiered.store.ObjectStoreUnavailableException;
import io.stratus.plugins.tiered.store.ObjectSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ObjectStore} that forwards to another and fails on demand: everything while {@link
 * #unavailable} is set, or writes of keys ending in {@link #failWritesEndingWith}. Counts ranged
 * reads.
 */
final class FaultyObjectStore implements ObjectStore {

  private final ObjectStore delegate;
  volatile boolean unavailable;
  volatile String failWritesEndingWith = "\0";
  final AtomicInteger rangedReads = new AtomicInteger();

  FaultyObjectStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void upload(String key, Path file) throws ObjectStoreException {
    failIfAsked("upload", key);
    delegate.upload(key, file);
  }

  @Override
  public void put(String key, byte[] content) throws ObjectStoreException {
    failIfAsked("put", key);
    delegate.put(key, content);
  }

  @Override
  public byte[] read(String key, long offset, int length) throws ObjectStoreException {
    failIfUnavailable("read", key);
    rangedReads.incrementAndGet();
    return delegate.read(key, offset, length);
  }

  @Override
  public byte[] readAll(String key) throws ObjectStoreException {
    failIfUnavailable("read", key);
    return delegate.readAll(key);
  }

  @Override
  public void delete(Collection<String> keys) throws ObjectStoreException {
    failIfUnavailable("delete", String.join(",", keys));
    delegate.delete(keys);
  }

  @Override
  public List<ObjectSummary> list(String prefix) throws ObjectStoreException {
    failIfUnavailable("list", prefix);
    return delegate.list(prefix);
  }

  @Override
  public String describe() {
    return "faulty " + delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private void failIfAsked(String operation, String key) throws ObjectStoreException {
    failIfUnavailable(operation, key);
    if (key.endsWith(failWritesEndingWith)) {
      throw new ObjectStoreException("injected failure writing " + key);
    }
  }

  private void failIfUnavailable(String operation, String key)
      throws ObjectStoreUnavailableException {
    if (unavailable) {
      throw new ObjectStoreUnavailableException(
          "injected: cannot " + operation + " " + key, new IOException("Connection refused"));
    }
  }
}
