package io.github.varscale.sample;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks where the sample writes before it computes anything: a path that cannot be written is
 * refused at once, with what is wrong, rather than after the whole experiment.
 */
final class Outputs {
  private Outputs() {}

  /**
   * The absolute path of {@code file}, once its directory exists and is writable and {@code file}
   * is not a directory.
   *
   * @throws IOException saying what of {@code what} cannot be written and why
   */
  static Path requireWritableFile(Path file, String what) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new IOException("cannot write " + what + " to " + target + ": it is a directory");
    }
    requireDirectory(target.getParent(), what + " to " + target);
    return target;
  }

  /**
   * The absolute path of {@code directory}, created if need be, once it is a writable directory.
   *
   * @throws IOException saying what of {@code what} cannot be written and why
   */
  static Path requireWritableDirectory(Path directory, String what) throws IOException {
    Path target = directory.toAbsolutePath();
    requireDirectory(target, what + " to " + target);
    return target;
  }

  /** Creates {@code directory} if need be, and refuses it unless it is a writable directory. */
  private static void requireDirectory(Path directory, String writing) throws IOException {
    try {
      Files.createDirectories(directory);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot write " + writing + ": " + e.getFile() + " is not a directory",
          e);
    } catch (FileSystemException e) {
      throw new IOException("cannot write " + writing + ": " + describe(e), e);
    }
    if (!Files.isWritable(directory)) {
      throw new IOException("cannot write " + writing + ": " + directory + " is not writable");
    }
  }

  /**
   * What went wrong, in words: a {@link FileSystemException}'s own message is only the path, so
   * for one its class (which names the reason), its reason if any and its file.
   */
  static String describe(IOException e) {
    if (e instanceof FileSystemException failure) {
      return failure.getClass().getSimpleName()
          + (failure.getReason() == null ? "" : ", " + failure.getReason())
          + " at " + failure.getFile();
    }
    return e.getMessage();
  }
}
