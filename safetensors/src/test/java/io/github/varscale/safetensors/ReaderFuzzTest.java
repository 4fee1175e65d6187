package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Corrupted copies of a small valid file, with a fixed seed: every one is either refused with
 * {@link SafetensorsFormatException} or {@link TensorMismatchException}, leaving the tensors as
 * they were, or read, leaving the tensors holding the corrupted file's values. Nothing else:
 * no other exception, no partial read.
 */
class ReaderFuzzTest {
  private static final double UNTOUCHED = 7;

  @TempDir Path directory;

  private final List<TensorSpec> specs = List.of(
      Fixtures.spec("a", float.class, Fixtures.HE_NORMAL, "HeNormal", 2, 3),
      Fixtures.spec("b", double.class, Fixtures.EMBEDDING, "RandomNormal", 4),
      Fixtures.spec("c", float.class, Fixtures.GLOROT_UNIFORM, "GlorotUniform"));

  private byte[] validFile(Dtype dtype) throws IOException {
    Path file = directory.resolve("valid.safetensors");
    Safetensors.write(file, Fixtures.initialized(Fixtures.nested(specs), 3), dtype);
    return Fixtures.bytes(file);
  }

  /** The outcome of reading {@code bytes}: true if read, false if refused; asserts either way. */
  private boolean readChecked(byte[] bytes, List<ModelTensor> tensors) throws IOException {
    Path file = directory.resolve("fuzzed.safetensors");
    // Overwritten in place: truncating a file each time is slow on some file systems.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      if (channel.size() > bytes.length) {
        channel.truncate(bytes.length);
      }
      channel.write(ByteBuffer.wrap(bytes), 0);
    }
    Fixtures.fill(tensors, UNTOUCHED);
    try {
      Safetensors.read(file, tensors);
    } catch (IOException e) {
      assertTrue(e instanceof SafetensorsFormatException || e instanceof TensorMismatchException,
          () -> "refused with " + e);
      for (double[] values : Fixtures.values(tensors)) {
        for (double value : values) {
          assertEquals(UNTOUCHED, value, () -> "a refused file changed a tensor: " + e);
        }
      }
      return false;
    }
    assertArrayEquals(valuesIn(file), Fixtures.values(tensors));
    return true;
  }

  /**
   * The values the file holds for the model's tensors, decoded here from the bytes its header
   * points to and converted to each tensor's element type.
   */
  private double[][] valuesIn(Path file) throws IOException {
    SafetensorsHeader header = Safetensors.readHeader(file);
    ByteBuffer bytes = ByteBuffer.wrap(Fixtures.bytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    double[][] values = new double[specs.size()][];
    for (int t = 0; t < specs.size(); t++) {
      TensorInfo info = header.tensor(specs.get(t).path()).orElseThrow();
      values[t] = new double[(int) info.size()];
      for (int i = 0; i < values[t].length; i++) {
        int at = (int) (header.dataOffset() + info.begin()) + i * info.dtype().byteSize();
        double value;
        switch (info.dtype()) {
          case F32:
            value = bytes.getFloat(at);
            break;
          case F64:
            value = bytes.getDouble(at);
            break;
          case F16:
            value = Float16.toFloat(bytes.getShort(at));
            break;
          default:
            value = BFloat16.toFloat(bytes.getShort(at));
        }
        values[t][i] = specs.get(t).elementType() == float.class ? (float) value : value;
      }
    }
    return values;
  }

  @ParameterizedTest
  @EnumSource(value = Dtype.class, names = {"F32", "BF16"})
  void everyTruncationIsRefused(Dtype dtype) throws IOException {
    byte[] valid = validFile(dtype);
    List<ModelTensor> tensors = Fixtures.flat(specs);
    assertTrue(readChecked(valid, tensors));
    for (int length = valid.length - 1; length >= 0; length--) {
      assertEquals(false, readChecked(java.util.Arrays.copyOf(valid, length), tensors),
          "a file cut to " + length + " bytes was read");
    }
  }

  @Test
  void bitFlipsAndOverwritesAreRefusedOrReadWhole() throws IOException {
    SplittableRandom random = new SplittableRandom(20_260_101);
    int read = 0;
    int refused = 0;
    for (Dtype dtype : Dtype.values()) {
      byte[] valid = validFile(dtype);
      List<ModelTensor> tensors = Fixtures.nested(specs);
      for (int i = 0; i < 1000; i++) {
        byte[] bytes = valid.clone();
        int kind = i % 3;
        int changes = kind == 0 ? 1 : 1 + random.nextInt(8);
        for (int c = 0; c < changes; c++) {
          int at = random.nextInt(bytes.length);
          if (kind == 2) {
            bytes[at] = (byte) random.nextInt(256); // overwrite
          } else {
            bytes[at] ^= (byte) (1 << random.nextInt(8)); // flip one bit
          }
        }
        if (readChecked(bytes, tensors)) {
          read++;
        } else {
          refused++;
        }
      }
    }
    // Flips in the data are read, flips in the lengths and structure refused: both happen.
    assertTrue(read > 500 && refused > 500, read + " read, " + refused + " refused");
  }

  @Test
  void aFlipInTheDataIsReadAsTheFileHoldsIt() throws IOException {
    byte[] bytes = validFile(Dtype.F32);
    bytes[bytes.length - 1] ^= (byte) 0x80; // the sign of the scalar c
    List<ModelTensor> tensors = Fixtures.flat(specs);
    assertTrue(readChecked(bytes, tensors));
    float expected = -((float[]) Fixtures.initialized(Fixtures.flat(specs), 3).get(2).array())[0];
    assertInstanceOf(float[].class, tensors.get(2).array());
    assertEquals(expected, ((float[]) tensors.get(2).array())[0]);
  }
}
