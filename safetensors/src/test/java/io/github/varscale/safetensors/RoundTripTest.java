package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link Safetensors#write} writes, {@link Safetensors#read} reads back, converted. */
class RoundTripTest {
  @TempDir Path directory;

  static Stream<Arguments> cases() {
    return Stream.of(Dtype.values()).flatMap(dtype -> Stream.of(float.class, double.class)
        .flatMap(type -> Stream.of(true, false).map(nested -> Arguments.of(dtype, type, nested))));
  }

  /**
   * The value {@code value} of element type {@code type} has after being written as {@code dtype}
   * and read back: rounded as {@link Dtype} says, then widened exactly.
   */
  static double throughFile(double value, Class<?> type, Dtype dtype) {
    float single = (float) value;
    switch (dtype) {
      case F64:
        return type == float.class ? single : value;
      case F32:
        return single;
      case F16:
        return Float16.toFloat(Float16.fromFloat(single));
      default:
        return BFloat16.toFloat(BFloat16.fromFloat(single));
    }
  }

  @ParameterizedTest(name = "{0} {1} nested={2}")
  @MethodSource("cases")
  void writtenValuesReadBackAsTheDtypeRoundsThem(Dtype dtype, Class<?> type, boolean nested)
      throws IOException {
    List<TensorSpec> specs = Fixtures.model(type);
    List<ModelTensor> written = Fixtures.initialized(
        nested ? Fixtures.nested(specs) : Fixtures.flat(specs), 11);
    Path file = directory.resolve("model.safetensors");
    Safetensors.write(file, written, dtype);

    // Read into the other form of array, and through a small buffer, so that reads span buffers.
    List<ModelTensor> read = nested ? Fixtures.flat(specs) : Fixtures.nested(specs);
    Safetensors.read(file, read, 40);
    double[][] expected = Fixtures.values(written);
    double[][] actual = Fixtures.values(read);
    for (int t = 0; t < expected.length; t++) {
      for (int i = 0; i < expected[t].length; i++) {
        expected[t][i] = throughFile(expected[t][i], type, dtype);
      }
      assertArrayEquals(expected[t], actual[t], specs.get(t).path());
    }
  }

  @ParameterizedTest
  @EnumSource(Dtype.class)
  void readingConvertsToEachTensorsElementType(Dtype dtype) throws IOException {
    List<ModelTensor> floats = Fixtures.initialized(Fixtures.flat(Fixtures.model(float.class)), 3);
    Path file = directory.resolve("floats.safetensors");
    Safetensors.write(file, floats, dtype);
    List<ModelTensor> doubles = Fixtures.nested(Fixtures.model(double.class));
    Safetensors.read(file, doubles);
    double[][] expected = Fixtures.values(floats);
    for (double[] tensor : expected) {
      for (int i = 0; i < tensor.length; i++) {
        tensor[i] = throughFile(tensor[i], float.class, dtype);
      }
    }
    assertArrayEquals(expected, Fixtures.values(doubles));
  }

  /** The data bytes are the values' little-endian encodings, row-major, contiguous. */
  @ParameterizedTest
  @EnumSource(Dtype.class)
  void dataIsLittleEndianRowMajorAndContiguous(Dtype dtype) throws IOException {
    List<ModelTensor> tensors = Fixtures.initialized(Fixtures.nested(Fixtures.mixedModel()), 5);
    Path file = directory.resolve("mixed.safetensors");
    Safetensors.write(file, tensors, dtype);
    SafetensorsHeader header = Safetensors.readHeader(file);
    ByteBuffer bytes = ByteBuffer.wrap(Fixtures.bytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    long offset = 0;
    double[][] values = Fixtures.values(tensors);
    for (int t = 0; t < tensors.size(); t++) {
      TensorInfo info = header.tensors().get(t);
      ModelTensor tensor = tensors.get(t);
      assertEquals(tensor.path(), info.name());
      assertEquals(dtype, info.dtype());
      assertArrayEquals(java.util.Arrays.stream(tensor.shape()).asLongStream().toArray(),
          info.shape());
      assertEquals(offset, info.begin());
      offset = info.end();
      for (int i = 0; i < values[t].length; i++) {
        int at = (int) (header.dataOffset() + info.begin()) + i * dtype.byteSize();
        double value = values[t][i];
        float single = (float) value;
        switch (dtype) {
          case F32:
            assertEquals(Float.floatToRawIntBits(single), bytes.getInt(at));
            break;
          case F64:
            double wide = tensor.spec().elementType() == float.class ? single : value;
            assertEquals(Double.doubleToRawLongBits(wide), bytes.getLong(at));
            break;
          case F16:
            assertEquals(Float16.fromFloat(single), bytes.getShort(at));
            break;
          default:
            assertEquals(BFloat16.fromFloat(single), bytes.getShort(at));
        }
      }
    }
    assertEquals(bytes.capacity(), header.dataOffset() + offset);
    assertEquals(0, header.dataOffset() % 8, "the data is 8-aligned");
  }

  @Test
  void aDoubleGoesToSixteenBitsThroughFloatAsPyTorchConvertsIt() throws IOException {
    // 1 + 2^-11 + 2^-40 is just above the tie between halves 1 and 1 + 2^-10, so rounding it
    // directly would give 0x3C01; as a float it is the tie itself, which goes to even, 0x3C00.
    double value = 1 + 0x1p-11 + 0x1p-40;
    TensorSpec spec = Fixtures.spec("w", double.class, Fixtures.HE_NORMAL, "HeNormal", 1);
    ModelTensor tensor = ModelTensor.of(spec, new double[] {value});
    Path file = directory.resolve("w.safetensors");
    Safetensors.write(file, List.of(tensor), Dtype.F16);
    byte[] bytes = Fixtures.bytes(file);
    assertEquals(0x00, bytes[bytes.length - 2]);
    assertEquals(0x3C, bytes[bytes.length - 1]);
  }

  @Test
  void metadataHoldsTheFormatStreamVersionKeysAndInitializers() throws IOException {
    Path file = directory.resolve("model.safetensors");
    Safetensors.write(file, Fixtures.flat(Fixtures.model(float.class)), Dtype.F32);
    Map<String, String> metadata = Safetensors.readHeader(file).metadata();
    assertEquals("pt", metadata.get("format"));
    assertEquals("1", metadata.get("varscale.stream"));
    assertEquals("test.Model#blocks.0.conv", metadata.get("varscale.key.blocks.0.conv"));
    assertEquals("HeNormal VarianceScaling[scale=2.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL]",
        metadata.get("varscale.initializer.blocks.0.conv"));
    assertEquals("RandomNormal[mean=0.0, stddev=0.02]",
        metadata.get("varscale.initializer.embed"));
    assertEquals("Ones", metadata.get("varscale.initializer.blocks.0.norm"));
    assertEquals("Constant[value=0.5]", metadata.get("varscale.initializer.scale"));
    assertEquals(2 + 2 * 6, metadata.size());
  }

  @Test
  void theSameTensorsGiveTheSameBytesAndAnEmptyModelAValidFile() throws IOException {
    List<ModelTensor> tensors = Fixtures.initialized(Fixtures.flat(Fixtures.mixedModel()), 9);
    Path first = directory.resolve("first.safetensors");
    Path second = directory.resolve("second.safetensors");
    Safetensors.write(first, tensors, Dtype.BF16);
    Safetensors.write(second, tensors, Dtype.BF16, 16); // other buffers, same bytes
    assertArrayEquals(Fixtures.bytes(first), Fixtures.bytes(second));

    Path empty = directory.resolve("empty.safetensors");
    Safetensors.write(empty, List.of(), Dtype.F32);
    SafetensorsHeader header = Safetensors.readHeader(empty);
    assertEquals(List.of(), header.tensors());
    assertEquals(Map.of("format", "pt", "varscale.stream", "1"), header.metadata());
    assertEquals(Fixtures.bytes(empty).length, header.dataOffset());
    Safetensors.read(empty, List.of());
  }
}
