package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.varscale.FixedInitializer;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny model's file, byte for byte, derived by hand from the format's definition
 * (huggingface/safetensors README): an 8-byte little-endian length N, N bytes of JSON padded with
 * spaces to a multiple of 8, then the data.
 *
 * <p>The model: {@code w}, a {@code float[2]} holding {1, -2} (initializer Zeros, key g#w), and
 * {@code s}, a {@code double} scalar holding 0.5 (Constant 0.5, key g#s). The JSON below is 286
 * bytes as F32, 287 as BF16 ("BF16" is one longer than "F32", twice; "[4,6]" one shorter than
 * "[8,12]"): padded with 2 or 1 spaces, N = 288 = 0x120. The data, little-endian: 1f =
 * 0x3F800000, -2f = 0xC0000000, 0.5f = 0x3F000000, and in bfloat16 their upper halves 0x3F80,
 * 0xC000, 0x3F00.
 *
 * <p>Checked once by hand against independent readers (Debian's python3-numpy 1.24.2 and
 * python3-torch 1.13.1; the {@code safetensors} Python package is not installable here): a
 * reader written from the README alone ({@code struct.unpack('<Q')}, {@code json.loads}, {@code
 * np.frombuffer(..., '<f4' / '<f8' / '<f2')}, BF16 by {@code torch.frombuffer(...,
 * dtype=torch.bfloat16)} and by {@code (u16.astype('<u4') << 16).view('<f4')}) loaded these files
 * and a small model of 4 tensors (shapes [5, 4], [2, 3, 4], [4], []) in each dtype from float and
 * double tensors, with every value equal to numpy's or torch's own conversion of the Java values
 * (F16 as {@code astype(float32).astype(float16)}, BF16 as {@code .to(torch.bfloat16)}); the
 * header started with '{', the data was 8-aligned and no byte trailed. 465,280 probe floats
 * (every float16 rounding midpoint and its neighbours, every bfloat16 tie, random bit patterns,
 * subnormals, overflows, infinities) written as F16 gave exactly numpy's {@code astype(float16)}
 * and torch's {@code .to(torch.float16)} bits, and as BF16 exactly torch's {@code
 * .to(torch.bfloat16)} bits. NaNs: torch writes F16 NaN as sign|0x7E00, as varscale does; torch's
 * vectorized bfloat16 path writes 0xFFFF for every NaN, varscale sign|0x7FC0. A sharded
 * checkpoint's index equalled Python's {@code json.dumps(index, indent=2, sort_keys=True) + "\n"}
 * of itself, non-ASCII names included, and its total_size the sum of its shards' tensors.
 */
class GoldenFileTest {
  @TempDir Path directory;

  private static final String METADATA = "{\"__metadata__\":{\"format\":\"pt\","
      + "\"varscale.stream\":\"1\",\"varscale.key.w\":\"g#w\",\"varscale.initializer.w\":\"Zeros\","
      + "\"varscale.key.s\":\"g#s\",\"varscale.initializer.s\":\"Constant[value=0.5]\"},";

  private static List<ModelTensor> model() {
    TensorSpec w = TensorSpec.of("w", "g#w", float.class, new int[] {2},
        io.github.varscale.FanAxes.of(io.github.varscale.Layout.IN_OUT), FixedInitializer.zeros());
    TensorSpec s = TensorSpec.of("s", "g#s", double.class, new int[] {},
        io.github.varscale.FanAxes.of(io.github.varscale.Layout.IN_OUT),
        FixedInitializer.constant(0.5));
    return List.of(ModelTensor.of(w, new float[] {1f, -2f}), ModelTensor.of(s, new double[] {0.5}));
  }

  private static byte[] file(String json, String data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HexFormat.of().parseHex("2001000000000000")); // N = 288
    out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(HexFormat.of().parseHex(data));
    return out.toByteArray();
  }

  @Test
  void float32FileIsTheFormatsBytes() throws IOException {
    byte[] expected = file(METADATA
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"s\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[8,12]}}  ",
        "0000803f" + "000000c0" + "0000003f");
    assertEquals(8 + 288 + 12, expected.length);
    Path path = directory.resolve("golden.safetensors");
    Safetensors.write(path, model(), Dtype.F32);
    assertArrayEquals(expected, Fixtures.bytes(path));
  }

  @Test
  void bfloat16FileIsTheFormatsBytes() throws IOException {
    byte[] expected = file(METADATA
        + "\"w\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
        + "\"s\":{\"dtype\":\"BF16\",\"shape\":[],\"data_offsets\":[4,6]}} ",
        "803f" + "00c0" + "003f");
    assertEquals(8 + 288 + 6, expected.length);
    Path path = directory.resolve("golden.safetensors");
    Safetensors.write(path, model(), Dtype.BF16);
    assertArrayEquals(expected, Fixtures.bytes(path));

    List<ModelTensor> read = List.of(Fixtures.flat(model().get(0).spec()),
        Fixtures.flat(model().get(1).spec()));
    Safetensors.read(path, read);
    assertArrayEquals(new float[] {1f, -2f}, (float[]) read.get(0).array());
    assertArrayEquals(new double[] {0.5}, (double[]) read.get(1).array());
  }
}
