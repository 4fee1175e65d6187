package io.github.varscale.safetensors;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

/**
 * Gets values of any dtype from a little-endian buffer: bulk copies for the same type, exact
 * widening otherwise, and {@code double} to {@code float} as a Java cast. One per reading thread.
 */
final class Decoder {
  private short[] halves = new short[0];
  private float[] floats = new float[0];

  /**
   * Gets {@code count} values of {@code dtype} at {@code src}'s position into {@code
   * dst[offset...]}, and advances it.
   */
  void get(Dtype dtype, ByteBuffer src, float[] dst, int offset, int count) {
    switch (dtype) {
      case F32:
        src.asFloatBuffer().get(dst, offset, count);
        break;
      case F64:
        DoubleBuffer doubles = src.asDoubleBuffer();
        for (int i = 0; i < count; i++) {
          dst[offset + i] = (float) doubles.get(i);
        }
        break;
      case F16:
        short[] f16 = halves(src, count);
        for (int i = 0; i < count; i++) {
          dst[offset + i] = Float16.toFloat(f16[i]);
        }
        break;
      default:
        short[] bf16 = halves(src, count);
        for (int i = 0; i < count; i++) {
          dst[offset + i] = BFloat16.toFloat(bf16[i]);
        }
    }
    src.position(src.position() + count * dtype.byteSize());
  }

  /**
   * Gets {@code count} values of {@code dtype} at {@code src}'s position into {@code
   * dst[offset...]}, and advances it; every type but {@code F64} through {@code float}, exactly.
   */
  void get(Dtype dtype, ByteBuffer src, double[] dst, int offset, int count) {
    if (dtype == Dtype.F64) {
      src.asDoubleBuffer().get(dst, offset, count);
      src.position(src.position() + count * Double.BYTES);
      return;
    }
    if (floats.length < count) {
      floats = new float[count];
    }
    get(dtype, src, floats, 0, count);
    for (int i = 0; i < count; i++) {
      dst[offset + i] = floats[i];
    }
  }

  /** {@code count} 16-bit values at {@code src}'s position, in the scratch array. */
  private short[] halves(ByteBuffer src, int count) {
    if (halves.length < count) {
      halves = new short[count];
    }
    src.asShortBuffer().get(halves, 0, count);
    return halves;
  }
}
