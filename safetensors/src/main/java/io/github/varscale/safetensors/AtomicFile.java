package io.github.varscale.safetensors;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file under a temporary name in its directory, then moves it to its name: a failure (an
 * exception, a killed process) leaves either the complete new file or what was there before,
 * never a part of a file under the final name. The file is not forced to the device, as neither
 * PyTorch's {@code torch.save} nor safetensors' {@code save_file} forces it: a crash of the
 * machine may lose what the operating system had not yet written.
 */
final class AtomicFile {
  /** What a file holds, written to a channel at its start. */
  @FunctionalInterface
  interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  private AtomicFile() {}

  /** Writes {@code file} with {@code content}, replacing what was there. */
  static void write(Path file, Content content) throws IOException {
    Path temporary = createTemporary(file);
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        content.writeTo(channel);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** A new empty file beside {@code file}, hidden, with a name no other writer picks. */
  private static Path createTemporary(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    while (true) {
      String name = "." + file.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
      try {
        // Not Files.createTempFile, which would give the file owner-only permissions.
        return Files.createFile(directory.resolve(name));
      } catch (FileAlreadyExistsException e) {
        // another writer's: pick another name
      }
    }
  }
}
