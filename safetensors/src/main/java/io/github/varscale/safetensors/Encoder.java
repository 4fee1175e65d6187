package io.github.varscale.safetensors;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

/**
 * Puts values into a little-endian buffer as a dtype's bytes. Same types are bulk copies (a
 * {@code memcpy} on little-endian hosts); conversions run in tight loops into a scratch array,
 * which is then bulk copied. One per writing thread.
 */
final class Encoder {
  private final Dtype dtype;
  private short[] halves = new short[0];
  private float[] floats = new float[0];

  Encoder(Dtype dtype) {
    this.dtype = dtype;
  }

  /** Puts {@code src[offset, offset + count)} at {@code dst}'s position, and advances it. */
  void put(float[] src, int offset, int count, ByteBuffer dst) {
    switch (dtype) {
      case F32:
        dst.asFloatBuffer().put(src, offset, count);
        break;
      case F64:
        DoubleBuffer doubles = dst.asDoubleBuffer();
        for (int i = 0; i < count; i++) {
          doubles.put(i, src[offset + i]);
        }
        break;
      default:
        dst.asShortBuffer().put(halves(src, offset, count), 0, count);
    }
    dst.position(dst.position() + count * dtype.byteSize());
  }

  /**
   * Puts {@code src[offset, offset + count)} at {@code dst}'s position, and advances it; to every
   * type but {@code F64} through {@code float}, as a Java cast and PyTorch convert a double.
   */
  void put(double[] src, int offset, int count, ByteBuffer dst) {
    if (dtype == Dtype.F64) {
      dst.asDoubleBuffer().put(src, offset, count);
      dst.position(dst.position() + count * Double.BYTES);
      return;
    }
    if (floats.length < count) {
      floats = new float[count];
    }
    for (int i = 0; i < count; i++) {
      floats[i] = (float) src[offset + i];
    }
    put(floats, 0, count, dst);
  }

  /** {@code src[offset, offset + count)} as 16-bit values, in the scratch array. */
  private short[] halves(float[] src, int offset, int count) {
    if (halves.length < count) {
      halves = new short[count];
    }
    short[] dst = halves;
    if (dtype == Dtype.F16) {
      for (int i = 0; i < count; i++) {
        dst[i] = Float16.fromFloat(src[offset + i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        dst[i] = BFloat16.fromFloat(src[offset + i]);
      }
    }
    return dst;
  }
}
