package io.github.varscale.safetensors;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Gets values of any dtype from a little-endian buffer: bulk copies for the same type, exact
 * widening otherwise, and {@code double} to {@code float} as a Java cast. One per reading thread.
 */
final class Decoder {
  private short[] halves = new short[0];

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
   * dst[offset...]}, and advances it.
   */
  void get(Dtype dtype, ByteBuffer src, double[] dst, int offset, int count) {
    switch (dtype) {
      case F64:
        src.asDoubleBuffer().get(dst, offset, count);
        break;
      case F32:
        FloatBuffer floats = src.asFloatBuffer();
        for (int i = 0; i < count; i++) {
          dst[offset + i] = floats.get(i);
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

  /** {@code count} 16-bit values at {@code src}'s position, in the scratch array. */
  private short[] halves(ByteBuffer src, int count) {
    if (halves.length < count) {
      halves = new short[count];
    }
    src.asShortBuffer().get(halves, 0, count);
    return halves;
  }
}
