package io.github.varscale.safetensors;

import java.util.Arrays;

/**
 * One tensor's entry in a safetensors header: its name, dtype, shape, and where its bytes are,
 * relative to the start of the data (see {@link SafetensorsHeader#dataOffset()}). Immutable.
 */
public final class TensorInfo {
  private final String name;
  private final Dtype dtype;
  private final long[] shape;
  private final long size;
  private final long begin;
  private final long end;

  TensorInfo(String name, Dtype dtype, long[] shape, long size, long begin, long end) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape;
    this.size = size;
    this.begin = begin;
    this.end = end;
  }

  /** {@return the tensor's name: in varscale's files its path, {@code "blocks.3.attn.wq"}} */
  public String name() {
    return name;
  }

  /** {@return the element type of its bytes} */
  public Dtype dtype() {
    return dtype;
  }

  /** {@return the dimensions, a copy; none for a scalar} */
  public long[] shape() {
    return shape.clone();
  }

  /** {@return the number of elements: the product of the dimensions, 1 for a scalar} */
  public long size() {
    return size;
  }

  /** {@return where its bytes begin, from the start of the data} */
  public long begin() {
    return begin;
  }

  /**
   * Where its bytes end, exclusive, from the start of the data: {@code begin() + size() *
   * dtype().byteSize()}.
   *
   * @return the byte after its last, from the start of the data
   */
  public long end() {
    return end;
  }

  /** {@return {@code w F32 [2, 3] bytes [0, 24)}} */
  @Override
  public String toString() {
    return name + " " + dtype + " " + Arrays.toString(shape) + " bytes [" + begin + ", " + end
        + ")";
  }
}
