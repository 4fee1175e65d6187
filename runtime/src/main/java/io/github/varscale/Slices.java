package io.github.varscale;

import java.util.Objects;

/** The argument checks of a slice fill, which every {@link Initializer} shares. */
final class Slices {
  private Slices() {}

  static void check(float[] dst, int dstOffset, int count, long firstIndex, Fans fans, String key) {
    Objects.requireNonNull(dst, "dst");
    check(dst.length, dstOffset, count, firstIndex, fans, key);
  }

  static void check(
      double[] dst, int dstOffset, int count, long firstIndex, Fans fans, String key) {
    Objects.requireNonNull(dst, "dst");
    check(dst.length, dstOffset, count, firstIndex, fans, key);
  }

  private static void check(
      int length, int dstOffset, int count, long firstIndex, Fans fans, String key) {
    Objects.requireNonNull(fans, "fans");
    Objects.requireNonNull(key, "key");
    if (dstOffset < 0 || dstOffset > length) {
      throw new IllegalArgumentException(
          "dstOffset must be in [0, " + length + "] (dst.length), found " + dstOffset);
    }
    if (count < 0 || count > length - dstOffset) {
      throw new IllegalArgumentException(
          "count must be in [0, "
              + (length - dstOffset)
              + "] (dst.length - dstOffset), found "
              + count);
    }
    if (firstIndex < 0 || firstIndex > Long.MAX_VALUE - count) {
      throw new IllegalArgumentException(
          "firstIndex must be in [0, Long.MAX_VALUE - count], found " + firstIndex);
    }
  }
}
