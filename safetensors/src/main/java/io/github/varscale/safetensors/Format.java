package io.github.varscale.safetensors;

/** The safetensors format's constants, as huggingface/safetensors defines them. */
final class Format {
  /** The reference reader refuses longer headers ({@code MAX_HEADER_SIZE}). */
  static final long MAX_HEADER_BYTES = 100_000_000L;

  /** The bytes of the header's length, a little-endian u64, at the start of the file. */
  static final int LENGTH_BYTES = 8;

  /** The header is padded with spaces to a multiple of this, so that the data is aligned. */
  static final int ALIGNMENT = 8;

  /** The header's entry that holds the string-to-string metadata. */
  static final String METADATA = "__metadata__";

  private Format() {}

  /**
   * The bytes of a buffer for files whose largest data takes {@code largestData}: at most {@code
   * maxBytes}, no larger than that data needs, so that small files cost little memory, and a
   * multiple of 8, so that every buffer holds whole elements of every dtype.
   */
  static int bufferBytes(long largestData, int maxBytes) {
    long fitted = Math.max(ALIGNMENT, (largestData + 7) & ~7L);
    return (int) Math.min(maxBytes & ~7, fitted);
  }
}
