package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writers refuse bad arguments before they create a file, naming the argument; a failure
 * while writing leaves no part of a file under its name.
 */
class WriteArgumentsTest {
  @TempDir Path directory;

  private final List<ModelTensor> tensors = Fixtures.flat(Fixtures.model(float.class));

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private void refused(Class<? extends RuntimeException> type, String message,
      org.junit.jupiter.api.function.Executable write) throws IOException {
    assertEquals(message, assertThrows(type, write).getMessage());
    assertEquals(List.of(), files(), "no file is created");
  }

  @Test
  void writeRefusesNullsNamingTheArgument() throws IOException {
    Path file = directory.resolve("m.safetensors");
    refused(NullPointerException.class, "file", () -> Safetensors.write(null, tensors, Dtype.F32));
    refused(NullPointerException.class, "tensors", () -> Safetensors.write(file, null, Dtype.F32));
    refused(NullPointerException.class, "dtype", () -> Safetensors.write(file, tensors, null));
    List<ModelTensor> withNull = new ArrayList<>(tensors);
    withNull.set(3, null);
    refused(NullPointerException.class, "tensors[3]",
        () -> Safetensors.write(file, withNull, Dtype.F32));
  }

  @Test
  void writeRefusesNamesAFileCannotHold() throws IOException {
    Path file = directory.resolve("m.safetensors");
    List<ModelTensor> twice = new ArrayList<>(tensors);
    twice.add(Fixtures.flat(Fixtures.model(double.class).get(0)));
    refused(IllegalArgumentException.class,
        "tensors[0] and tensors[6] both have path embed; a file names each tensor once",
        () -> Safetensors.write(file, twice, Dtype.F32));
    TensorSpec metadata = Fixtures.spec("__metadata__", float.class, Fixtures.HE_NORMAL, "H", 1);
    refused(IllegalArgumentException.class,
        "tensors[0] has path __metadata__, the name safetensors keeps for the metadata",
        () -> Safetensors.write(file, List.of(Fixtures.flat(metadata)), Dtype.F32));
    TensorSpec lone = Fixtures.spec("w\uD800", float.class, Fixtures.HE_NORMAL, "H", 1);
    refused(IllegalArgumentException.class, "tensors[0]'s path \"w\uD800\" has a lone surrogate "
        + "at index 1, which UTF-8 cannot encode",
        () -> Safetensors.write(file, List.of(Fixtures.flat(lone)), Dtype.F32));
  }

  @Test
  void writeRefusesAHeaderLongerThanReadersAccept() throws IOException {
    // 34 tensors whose paths take a million characters each, three times in the header (the
    // tensor's name and its two metadata entries): a header of 102 MB.
    String longName = "x".repeat(1_000_000);
    List<ModelTensor> many = new ArrayList<>();
    for (int i = 0; i < 34; i++) {
      many.add(Fixtures.flat(Fixtures.spec(longName + i, float.class, Fixtures.HE_NORMAL, "H", 1)));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Safetensors.write(directory.resolve("m.safetensors"), many, Dtype.F32));
    assertTrue(e.getMessage().startsWith("the header of these 34 tensors would take "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(" bytes, more than the 100000000 safetensors readers "
        + "accept; write them to several files"), e.getMessage());
    assertEquals(List.of(), files());
  }

  @Test
  void checkpointRefusesBadArgumentsBeforeAnyFile() throws IOException {
    List<TensorSpec> specs = Fixtures.model(float.class);
    Path out = directory.resolve("checkpoint");
    refused(NullPointerException.class, "directory",
        () -> Safetensors.writeCheckpoint(null, specs, 1, Dtype.F32, 100));
    refused(NullPointerException.class, "specs",
        () -> Safetensors.writeCheckpoint(out, null, 1, Dtype.F32, 100));
    refused(NullPointerException.class, "dtype",
        () -> Safetensors.writeCheckpoint(out, specs, 1, null, 100));
    refused(IllegalArgumentException.class, "maxShardBytes must be > 0, found 0",
        () -> Safetensors.writeCheckpoint(out, specs, 1, Dtype.F32, 0));
    List<TensorSpec> twice = new ArrayList<>(specs);
    twice.add(specs.get(4));
    refused(IllegalArgumentException.class,
        "specs[4] and specs[6] both have path blocks.0.bias; a file names each tensor once",
        () -> Safetensors.writeCheckpoint(out, twice, 1, Dtype.F32, 100));
    List<TensorSpec> withNull = new ArrayList<>(specs);
    withNull.add(null);
    refused(NullPointerException.class, "specs[6]",
        () -> Safetensors.writeCheckpoint(out, withNull, 1, Dtype.F32, 100));
  }

  @Test
  void aFailureWhileWritingLeavesTheFileThatWasThere() throws IOException {
    Path file = directory.resolve("m.safetensors");
    Safetensors.write(file, tensors, Dtype.F32);
    byte[] before = Fixtures.bytes(file);
    List<TensorSpec> specs = Fixtures.model(float.class);
    // Values that fail after some buffers have gone to the writer thread.
    TensorFileWriter.Values failing = new TensorFileWriter.Values() {
      @Override
      public void get(int tensor, long first, float[] dst, int count) {
        if (tensor == 3) {
          throw new IllegalStateException("the source failed");
        }
      }

      @Override
      public void get(int tensor, long first, double[] dst, int count) {}

      @Override
      public Object flat(int tensor) {
        return null;
      }
    };
    try (TensorFileWriter writer = new TensorFileWriter(Dtype.F32, 10_000, 64)) {
      assertEquals("the source failed", assertThrows(IllegalStateException.class,
          () -> writer.write(file, HeaderWriter.header(specs, Dtype.F32), specs, failing))
          .getMessage());
    }
    assertEquals(List.of(file), files(), "no temporary file is left");
    assertArrayEquals(before, Fixtures.bytes(file));

    Path fresh = directory.resolve("fresh.safetensors");
    try (TensorFileWriter writer = new TensorFileWriter(Dtype.F32, 10_000, 64)) {
      assertThrows(IllegalStateException.class,
          () -> writer.write(fresh, HeaderWriter.header(specs, Dtype.F32), specs, failing));
    }
    assertEquals(List.of(file), files(), "no file is created");
  }

  @Test
  void aWriteIntoAMissingDirectoryFailsAndCreatesNothing() {
    Path file = directory.resolve("no/such/dir/m.safetensors");
    assertThrows(IOException.class, () -> Safetensors.write(file, tensors, Dtype.F32));
    assertTrue(Files.notExists(directory.resolve("no")));
  }
}
