package io.github.varscale.safetensors;

/**
 * The element types varscale writes and reads, named as a safetensors header names them: the
 * constant's {@link #name()} is the header's {@code "dtype"} string.
 *
 * <p>Writing a {@code float} tensor as {@link #F16} or {@link #BF16} rounds each value to the
 * nearest 16-bit value, ties to even, as PyTorch's {@code tensor.to(torch.float16)} and {@code
 * tensor.to(torch.bfloat16)} do for finite values: values too large become infinities, and
 * subnormal results are kept, not flushed to zero. A NaN stays a NaN with its sign: {@code sign |
 * 0x7E00} in {@code F16}, as PyTorch writes it, and {@code sign | 0x7FC0} in {@code BF16}, as
 * Eigen's bfloat16 (behind TensorFlow and JAX's {@code ml_dtypes}) writes it; PyTorch's own {@code
 * BF16} NaNs are {@code 0x7FC0} or {@code 0xFFFF}, by code path, with no sign. A {@code double} tensor is first rounded to {@code float}, as a Java cast
 * does, then to 16 bits, which is what PyTorch's {@code Half} and {@code BFloat16} constructors do
 * with a double. Writing a {@code double} tensor as {@link #F32} rounds as a Java cast; widening
 * to {@link #F64}, and reading any of these types into a wider one, is exact.
 */
public enum Dtype {
  /** IEEE 754 binary32: 4 bytes, a Java {@code float}. */
  F32(4),
  /** IEEE 754 binary64: 8 bytes, a Java {@code double}. */
  F64(8),
  /** IEEE 754 binary16, "half": 2 bytes, 5 exponent and 10 fraction bits, largest value 65504. */
  F16(2),
  /** bfloat16, a {@code float}'s upper 2 bytes: 8 exponent and 7 fraction bits. */
  BF16(2);

  private final int byteSize;

  Dtype(int byteSize) {
    this.byteSize = byteSize;
  }

  /** {@return how many bytes one element takes in a file: 4, 8, 2 or 2} */
  public int byteSize() {
    return byteSize;
  }

  /** The dtype a header names {@code name}, or null if varscale has none of that name. */
  static Dtype ofHeaderName(String name) {
    for (Dtype dtype : values()) {
      if (dtype.name().equals(name)) {
        return dtype;
      }
    }
    return null;
  }
}
