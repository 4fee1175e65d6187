package io.github.varscale.safetensors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A safetensors file's header, checked: its metadata and its tensors' names, dtypes, shapes and
 * offsets, for tools and tests that look at a file without reading its values. {@link
 * Safetensors#readHeader} reads one. Immutable.
 */
public final class SafetensorsHeader {
  private final Map<String, String> metadata;
  private final List<TensorInfo> tensors;
  private final long dataOffset;

  SafetensorsHeader(Map<String, String> metadata, List<TensorInfo> tensors, long dataOffset) {
    this.metadata = metadata;
    this.tensors = tensors;
    this.dataOffset = dataOffset;
  }

  /**
   * The {@code __metadata__} entries, in the file's order; empty if the file has none. varscale's
   * files hold {@code "format": "pt"}, {@code "varscale.stream"} and, per tensor, {@code
   * "varscale.key.<path>"} and {@code "varscale.initializer.<path>"}.
   *
   * @return the metadata, unmodifiable
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** {@return the tensors in the order of their bytes in the file} */
  public List<TensorInfo> tensors() {
    return tensors;
  }

  /**
   * The tensor named {@code name}, if the file has one.
   *
   * @param name a tensor's name, for varscale's files its path
   * @return the tensor, or empty
   */
  public Optional<TensorInfo> tensor(String name) {
    return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Where the data begins in the file: 8 plus the header's length. A tensor's bytes are at {@code
   * dataOffset() + begin()} to {@code dataOffset() + end()}.
   *
   * @return the data's first byte, from the start of the file
   */
  public long dataOffset() {
    return dataOffset;
  }

  /** {@return the metadata, and one tensor per line} */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("metadata ").append(metadata);
    for (TensorInfo tensor : tensors) {
      text.append('\n').append(tensor);
    }
    return text.toString();
  }
}
