package io.github.varscale.safetensors;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model's tensors as <a href="https://github.com/huggingface/safetensors">safetensors</a> files,
 * the format PyTorch ({@code safetensors.torch.load_file}), JAX, DJL and the JVM inference engines
 * read: an 8-byte little-endian header length, a JSON header that starts with an opening brace
 * and is padded with spaces to a multiple of 8, then each tensor's values, little-endian,
 * row-major, contiguous, in the order given.
 *
 * <pre>{@code
 * Safetensors.write(Path.of("mlp.safetensors"), MlpInitializer.tensors(mlp), Dtype.F32);
 * Safetensors.read(Path.of("mlp.safetensors"), MlpInitializer.tensors(mlp));
 * Safetensors.writeCheckpoint(Path.of("llama"), LlamaInitializer.specs(), 7, Dtype.BF16, 4L << 30);
 * }</pre>
 *
 * <p>A tensor is named by its path, {@code "blocks.3.attn.wq"}, as PyTorch's {@code state_dict}
 * names it. The header's {@code __metadata__} holds {@code "format": "pt"} (which Hugging Face's
 * loaders check), {@code "varscale.stream"}: the sampler's stream version ({@code "1"}), and for
 * each tensor {@code "varscale.key.<path>"}: its key, and {@code "varscale.initializer.<path>"}:
 * its initializer's name and settings, {@code "HeNormal VarianceScaling[scale=2.0, mode=FAN_IN,
 * distribution=TRUNCATED_NORMAL]"}. The same tensors give the same bytes, on every run and
 * machine. See {@link Dtype} for how values are rounded to the file's type.
 *
 * <p>Files are written under a temporary name in their directory, then moved to their name: a
 * failure leaves no part of a file under the final name. They are not forced to the storage
 * device, as neither {@code torch.save} nor safetensors' own {@code save_file} forces them.
 *
 * <p>Reading is strict, as the reference reader is and further: the file is checked whole (header
 * length, JSON, dtypes, shapes, offsets that tile the data exactly) before any value is read, and
 * refused with a {@link SafetensorsFormatException}; lengths are checked against the file's size
 * before anything of that size is allocated, and a header is at most 100,000,000 bytes.
 */
public final class Safetensors {
  private Safetensors() {}

  /**
   * Writes {@code tensors}, in order, to {@code file} as {@code dtype}, replacing it.
   *
   * @param file the file to write; its directory must exist
   * @param tensors the tensors, as {@code <Model>Initializer.tensors(model)} lists them; each path
   *     once
   * @param dtype the element type of the file
   * @throws NullPointerException if an argument or a tensor is null
   * @throws IllegalArgumentException if two tensors have the same path, a path is {@code
   *     __metadata__}, or the header would exceed 100,000,000 bytes; then no file is created
   * @throws IOException if the file cannot be written; then no part of it is left behind
   */
  public static void write(Path file, List<ModelTensor> tensors, Dtype dtype) throws IOException {
    write(file, tensors, dtype, TensorFileWriter.BUFFER_BYTES);
  }

  /** As {@link #write(Path, List, Dtype)}, through buffers of {@code bufferBytes}. */
  static void write(Path file, List<ModelTensor> tensors, Dtype dtype, int bufferBytes)
      throws IOException {
    Objects.requireNonNull(file, "file");
    List<ModelTensor> all = Checks.elements(tensors, "tensors");
    Objects.requireNonNull(dtype, "dtype");
    List<TensorSpec> specs = new ArrayList<>(all.size());
    long data = 0;
    for (ModelTensor tensor : all) {
      specs.add(tensor.spec());
      data += tensor.spec().size() * dtype.byteSize(); // each fits an array: no overflow
    }
    Checks.requireFileNames(specs, "tensors");
    byte[] header = HeaderWriter.header(specs, dtype);
    try (TensorFileWriter writer = new TensorFileWriter(dtype, data, bufferBytes)) {
      writer.write(file, header, specs, new ArrayValues(all));
    }
  }

  /**
   * Writes an initialized checkpoint of {@code specs} into {@code directory}, straight from the
   * specs: no tensor is ever allocated whole, so memory stays a few tens of MiB whatever the
   * checkpoint's size, tensors larger than a Java array included. While the sampler fills one
   * buffer, on all processors but one, another thread writes the one before.
   *
   * <p>The tensors go, in order, into {@code model.safetensors} if their data takes at most
   * {@code maxShardBytes}, else into shards {@code model-00001-of-0000N.safetensors} with a
   * Hugging Face style {@code model.safetensors.index.json}; see {@link CheckpointPlan}, which
   * also writes each file alone. Each file's bytes equal what {@link #write} writes for the same
   * tensors initialized with {@code initialize(model, seed)}. Once every file is written, the
   * files of an earlier checkpoint of another layout in {@code directory} are deleted (shards of
   * another count, {@code model.safetensors} beside shards, an index beside one file), so that no
   * loader reads them; files of other names stay.
   *
   * @param directory where the files go; created if missing
   * @param specs the tensors, as {@code <Model>Initializer.specs(model)} describes them
   * @param seed the model's seed
   * @param dtype the element type of the files
   * @param maxShardBytes the most bytes of tensor data one file holds, unless one tensor is larger
   * @throws NullPointerException if an argument or a spec is null
   * @throws IllegalArgumentException as {@link #plan} refuses its arguments; then no file is
   *     created
   * @throws IOException if a file cannot be written; then no part of it is left behind, but the
   *     files written before it are
   */
  public static void writeCheckpoint(Path directory, List<TensorSpec> specs, long seed,
      Dtype dtype, long maxShardBytes) throws IOException {
    Objects.requireNonNull(directory, "directory");
    plan(specs, dtype, maxShardBytes).write(directory, seed, TensorFileWriter.BUFFER_BYTES);
  }

  /**
   * The files a checkpoint of {@code specs} takes, to write them one by one, anywhere; see {@link
   * CheckpointPlan}.
   *
   * @param specs the tensors, in order; each path once
   * @param dtype the element type of the files
   * @param maxShardBytes the most bytes of tensor data one file holds, unless one tensor is larger
   * @throws NullPointerException if an argument or a spec is null
   * @throws IllegalArgumentException if {@code maxShardBytes <= 0}, two specs have the same path,
   *     a path is {@code __metadata__}, or a file's header would exceed 100,000,000 bytes
   * @return the plan, which writes the files
   */
  public static CheckpointPlan plan(List<TensorSpec> specs, Dtype dtype, long maxShardBytes) {
    return CheckpointPlan.of(specs, dtype, maxShardBytes);
  }

  /**
   * Reads {@code file}'s values into {@code tensors}, by name, converted to each tensor's element
   * type ({@code F16} and {@code BF16} widen exactly, {@code F64} into a {@code float} tensor
   * rounds as a Java cast). The match is strict, as PyTorch's {@code load_state_dict(strict=True)}:
   * every tensor of the model must be in the file with the same shape, and every tensor of the
   * file in the model. The whole file is checked before any value is written, so that when it is
   * refused no tensor has changed.
   *
   * @param file a safetensors file, as {@link #write} writes it or another writer of the format
   * @param tensors the model's tensors, as {@code <Model>Initializer.tensors(model)} lists them
   * @throws NullPointerException if an argument or a tensor is null
   * @throws IllegalArgumentException if two tensors have the same path
   * @throws SafetensorsFormatException if the file is not a valid safetensors file of {@code F32},
   *     {@code F64}, {@code F16} and {@code BF16} tensors; no tensor has changed
   * @throws TensorMismatchException if its tensors are not the model's; no tensor has changed
   * @throws IOException if it cannot be read; if that happens while values are read (the disk
   *     fails, another process truncates the file), the tensors may hold some of them
   */
  public static void read(Path file, List<ModelTensor> tensors) throws IOException {
    read(file, tensors, TensorFileWriter.BUFFER_BYTES);
  }

  /** As {@link #read(Path, List)}, through a buffer of {@code bufferBytes}. */
  static void read(Path file, List<ModelTensor> tensors, int bufferBytes) throws IOException {
    Objects.requireNonNull(file, "file");
    List<ModelTensor> all = Checks.elements(tensors, "tensors");
    List<TensorSpec> specs = new ArrayList<>(all.size());
    for (ModelTensor tensor : all) {
      specs.add(tensor.spec());
    }
    Checks.requireFileNames(specs, "tensors");
    TensorFileReader.read(file, all, bufferBytes);
  }

  /**
   * The header of {@code file}, checked as {@link #read} checks it: the metadata, and each
   * tensor's name, dtype, shape and offsets, without reading the values.
   *
   * @param file a safetensors file
   * @return its header
   * @throws NullPointerException if {@code file} is null
   * @throws SafetensorsFormatException if the file is not a valid safetensors file of {@code F32},
   *     {@code F64}, {@code F16} and {@code BF16} tensors
   * @throws IOException if it cannot be read
   */
  public static SafetensorsHeader readHeader(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return HeaderReader.read(channel, file);
    }
  }

  /** A model's values, read from its arrays. */
  private static final class ArrayValues implements TensorFileWriter.Values {
    private final List<ModelTensor> tensors;

    ArrayValues(List<ModelTensor> tensors) {
      this.tensors = tensors;
    }

    @Override
    public void get(int tensor, long first, float[] dst, int count) {
      tensors.get(tensor).get(first, dst, 0, count);
    }

    @Override
    public void get(int tensor, long first, double[] dst, int count) {
      tensors.get(tensor).get(first, dst, 0, count);
    }

    @Override
    public Object flat(int tensor) {
      Object array = tensors.get(tensor).array();
      return array instanceof float[] || array instanceof double[] ? array : null;
    }
  }
}
