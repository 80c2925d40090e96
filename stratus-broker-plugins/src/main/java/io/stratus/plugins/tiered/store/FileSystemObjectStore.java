package io.stratus.plugins.tiered.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Objects as files under a root directory: key {@code a/b/c} is the file {@code root/a/b/c}. Writes
 * go to a temporary file in the same directory and are renamed into place, so a reader never sees a
 * partial object. Thread-safe.
 */
public final class FileSystemObjectStore implements ObjectStore {

  private static final String TEMPORARY_SUFFIX = ".partial";

  private final Path root;

  public FileSystemObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public void upload(String key, Path file) throws ObjectStoreException {
    Path target = resolve(key);
    try {
      Path temporary = temporaryFor(target);
      Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
      moveIntoPlace(temporary, target);
    } catch (IOException e) {
      throw failure("upload", key, e);
    }
  }

  @Override
  public void put(String key, byte[] content) throws ObjectStoreException {
    Path target = resolve(key);
    try {
      Path temporary = temporaryFor(target);
      Files.write(temporary, content);
      moveIntoPlace(temporary, target);
    } catch (IOException e) {
      throw failure("put", key, e);
    }
  }

  @Override
  public byte[] read(String key, long offset, int length) throws ObjectStoreException {
    ObjectKeys.requireValidRange(offset, length);
    Path file = resolve(key);
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long available = Math.max(0, in.length() - offset);
      byte[] bytes = new byte[(int) Math.min(length, available)];
      in.seek(offset);
      in.readFully(bytes);
      return bytes;
    } catch (java.io.FileNotFoundException e) {
      if (!Files.exists(file) || Files.isDirectory(file)) {
        throw new ObjectNotFoundException("no object " + key + " in " + describe());
      }
      throw failure("read", key, e);
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public byte[] readAll(String key) throws ObjectStoreException {
    Path file = resolve(key);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ObjectNotFoundException("no object " + key + " in " + describe());
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        // Only other keys live below this one; like S3, there is no object here.
        throw new ObjectNotFoundException("no object " + key + " in " + describe());
      }
      throw failure("read", key, e);
    }
  }

  @Override
  public void delete(Collection<String> keys) throws ObjectStoreException {
    for (String key : keys) {
      try {
        Path file = resolve(key);
        if (!Files.isDirectory(file)) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw failure("delete", key, e);
      }
    }
  }

  @Override
  public List<ObjectSummary> list(String prefix) throws ObjectStoreException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<ObjectSummary> objects = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().endsWith(TEMPORARY_SUFFIX))
          .forEach(
              file -> {
                String key = keyOf(file);
                if (key.startsWith(prefix)) {
                  objects.add(new ObjectSummary(key, sizeOf(file)));
                }
              });
    } catch (IOException | UncheckedIOException e) {
      throw new ObjectStoreException("could not list " + prefix + " in " + describe(), e);
    }
    objects.sort(Comparator.comparing(ObjectSummary::key));
    return objects;
  }

  @Override
  public String describe() {
    return "directory " + root;
  }

  @Override
  public void close() {}

  private Path resolve(String key) {
    return root.resolve(ObjectKeys.requireValid(key));
  }

  private String keyOf(Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0; // deleted while listing
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryFor(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private ObjectStoreException failure(String operation, String key, IOException cause) {
    // A directory that is gone or unwritable (unmounted volume, full disk) may come back.
    return new ObjectStoreUnavailableException(
        "could not " + operation + " " + key + " in " + describe() + ": " + cause, cause);
  }
}
