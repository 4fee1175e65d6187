package io.github.varscale.safetensors;

import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.regex.Pattern;

/**
 * Which files a checkpoint of given tensors takes, and what each holds: {@link
 * Safetensors#plan} makes one, and {@link Safetensors#writeCheckpoint} writes the files it plans.
 * With a plan, each file can be written alone, by another thread, process or machine, with the
 * same bytes as the whole run's:
 *
 * <pre>{@code
 * CheckpointPlan plan = Safetensors.plan(specs, Dtype.BF16, 4L << 30);
 * for (int i = 0; i < plan.shards().size(); i++) {
 *   plan.writeShard(directory, i, seed);   // any subset, anywhere
 * }
 * if (plan.isSharded()) {
 *   plan.writeIndex(directory);
 * }
 * }</pre>
 *
 * <p>The tensors go in order into {@code model.safetensors} if their data takes at most {@code
 * maxShardBytes}; otherwise into shards {@code model-00001-of-0000N.safetensors} ..., as Hugging
 * Face names them, filled greedily in order: a shard ends before the tensor that would take it
 * past {@code maxShardBytes}, and a tensor larger than that has a shard of its own. (Hugging Face's
 * {@code split_torch_state_dict_into_shards} puts such a tensor ahead of the shard being filled;
 * here every shard's tensors come after the ones before, in the specs' order.) Sizes are the
 * tensors' data at the dtype, without the headers, as Hugging Face counts them. Immutable and
 * thread-safe.
 */
public final class CheckpointPlan {
  /** The name of the file of a checkpoint that is not sharded. */
  public static final String FILE = "model.safetensors";

  /** The name of a sharded checkpoint's index, which maps each tensor to its shard. */
  public static final String INDEX = "model.safetensors.index.json";

  /** The shards' names, {@code model-00001-of-00004.safetensors}. */
  private static final Pattern SHARD_NAME =
      Pattern.compile("model-\\d{5}-of-\\d{5}\\.safetensors");

  private final Dtype dtype;
  private final List<Shard> shards;
  private final long totalSize;

  private CheckpointPlan(Dtype dtype, List<Shard> shards, long totalSize) {
    this.dtype = dtype;
    this.shards = shards;
    this.totalSize = totalSize;
  }

  /** See {@link Safetensors#plan}. */
  static CheckpointPlan of(List<TensorSpec> specs, Dtype dtype, long maxShardBytes) {
    List<TensorSpec> all = Checks.elements(specs, "specs");
    Objects.requireNonNull(dtype, "dtype");
    if (maxShardBytes <= 0) {
      throw new IllegalArgumentException("maxShardBytes must be > 0, found " + maxShardBytes);
    }
    Checks.requireFileNames(all, "specs");
    List<List<TensorSpec>> groups = new ArrayList<>();
    List<TensorSpec> group = new ArrayList<>();
    long groupBytes = 0;
    long totalSize = 0;
    for (TensorSpec spec : all) {
      long bytes = spec.size() * dtype.byteSize();
      if (!group.isEmpty() && bytes > maxShardBytes - groupBytes) {
        groups.add(group);
        group = new ArrayList<>();
        groupBytes = 0;
      }
      group.add(spec);
      groupBytes += bytes;
      try {
        totalSize = Math.addExact(totalSize, bytes);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the specs' data takes more than Long.MAX_VALUE bytes");
      }
    }
    groups.add(group);
    List<Shard> shards = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      String name = groups.size() == 1 ? FILE
          : String.format(Locale.ROOT, "model-%05d-of-%05d.safetensors", i + 1, groups.size());
      shards.add(new Shard(name, groups.get(i), dtype));
    }
    return new CheckpointPlan(dtype, List.copyOf(shards), totalSize);
  }

  /** {@return the files in order: one, {@code model.safetensors}, unless sharded} */
  public List<Shard> shards() {
    return shards;
  }

  /** {@return whether the checkpoint takes several files, and so an index} */
  public boolean isSharded() {
    return shards.size() > 1;
  }

  /** {@return the dtype of every tensor in the files} */
  public Dtype dtype() {
    return dtype;
  }

  /** {@return the bytes of all the tensors' data, the index's {@code metadata.total_size}} */
  public long totalSize() {
    return totalSize;
  }

  /**
   * Writes file {@code shards().get(shard)} into {@code directory}, created if missing, with the
   * tensors initialized for {@code seed}: the same bytes
   * {@link Safetensors#writeCheckpoint} writes there, and that {@link Safetensors#write} writes
   * for the shard's tensors initialized with {@code ModelTensor.initialize(seed)}.
   *
   * @param directory where the checkpoint's files go
   * @param shard the index of the file in {@link #shards()}
   * @param seed the model's seed
   * @throws NullPointerException if {@code directory} is null
   * @throws IndexOutOfBoundsException if there is no such shard
   * @throws IOException if the file cannot be written; then no file of its name is left behind
   *     but one that was there before
   */
  public void writeShard(Path directory, int shard, long seed) throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.checkIndex(shard, shards.size());
    writeFiles(directory, List.of(shards.get(shard)), seed, TensorFileWriter.BUFFER_BYTES);
  }

  /**
   * Writes every file, then the index if there are several, through one writer whose buffers
   * have {@code bufferBytes}.
   */
  void write(Path directory, long seed, int bufferBytes) throws IOException {
    writeFiles(directory, shards, seed, bufferBytes);
    if (isSharded()) {
      writeIndex(directory);
    }
    removeOtherLayouts(directory);
  }

  /** Writes {@code files} into {@code directory}, created if missing, through one writer. */
  private void writeFiles(Path directory, List<Shard> files, long seed, int bufferBytes)
      throws IOException {
    Files.createDirectories(directory);
    long largest = files.stream().mapToLong(Shard::size).max().orElse(0);
    ForkJoinPool sampler = samplerPool();
    try (TensorFileWriter writer = new TensorFileWriter(dtype, largest, bufferBytes)) {
      for (Shard file : files) {
        file.write(writer, directory, new Sampled(file.specs, seed, sampler));
      }
    } finally {
      sampler.shutdown();
    }
  }

  /**
   * Deletes what an earlier checkpoint of another layout left in {@code directory}: shards of
   * another count, {@code model.safetensors} beside shards, an index beside one file. Loaders
   * would read them: Hugging Face's looks for {@code model.safetensors} before the index. Only the
   * names this class writes are touched, and only once every new file is in place.
   */
  private void removeOtherLayouts(Path directory) throws IOException {
    Set<String> planned = new HashSet<>();
    shards.forEach(shard -> planned.add(shard.fileName));
    if (isSharded()) {
      planned.add(INDEX);
    }
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean ours = SHARD_NAME.matcher(name).matches() || name.equals(FILE)
            || name.equals(INDEX);
        if (ours && !planned.contains(name)
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          stale.add(file);
        }
      }
    }
    for (Path file : stale) {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Writes {@code model.safetensors.index.json} into {@code directory}, created if missing: the
   * total size and each tensor's file, as Hugging Face's {@code save_pretrained} writes it (its
   * {@code json.dumps(index, indent=2, sort_keys=True)} and a final newline):
   *
   * <pre>{@code
   * {
   *   "metadata": {
   *     "total_size": 16060522496
   *   },
   *   "weight_map": {
   *     "lm_head.weight": "model-00004-of-00004.safetensors",
   *     "model.embed_tokens.weight": "model-00001-of-00004.safetensors",
   *     ...
   *   }
   * }
   * }</pre>
   *
   * @param directory where the checkpoint's files go
   * @throws NullPointerException if {@code directory} is null
   * @throws IllegalStateException if the checkpoint is not sharded, when loaders expect no index
   * @throws IOException if the file cannot be written
   */
  public void writeIndex(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");
    if (!isSharded()) {
      throw new IllegalStateException(
          "a checkpoint of one file, " + FILE + ", has no index; loaders look for one only when"
              + " there are shards");
    }
    Map<String, String> weightMap = new LinkedHashMap<>();
    for (Shard shard : shards) {
      for (TensorSpec spec : shard.specs) {
        weightMap.put(spec.path(), shard.fileName);
      }
    }
    byte[] text = IndexJson.of(weightMap, totalSize).getBytes(StandardCharsets.US_ASCII);
    Files.createDirectories(directory);
    AtomicFile.write(directory.resolve(INDEX),
        channel -> TensorFileWriter.writeFully(channel, ByteBuffer.wrap(text)));
  }

  /** {@return the files and their tensors, one per line} */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Shard shard : shards) {
      text.append(shard).append('\n');
    }
    return text.append(totalSize).append(" bytes of ").append(dtype).append(" data").toString();
  }

  /** One file of a checkpoint: its name and its tensors. Immutable. */
  public static final class Shard {
    private final String fileName;
    private final List<TensorSpec> specs;
    private final long size;
    /** Computed once, which checks up front that it is short enough for readers. */
    private final byte[] header;

    private Shard(String fileName, List<TensorSpec> specs, Dtype dtype) {
      this.fileName = fileName;
      this.specs = List.copyOf(specs);
      this.size = specs.stream().mapToLong(s -> s.size() * dtype.byteSize()).sum();
      this.header = HeaderWriter.header(this.specs, dtype);
    }

    /** {@return the file's name, {@code model.safetensors}, {@code model-00001-of-00004...}} */
    public String fileName() {
      return fileName;
    }

    /** {@return the tensors it holds, in order} */
    public List<TensorSpec> specs() {
      return specs;
    }

    /** {@return the bytes of its tensors' data, without the header} */
    public long size() {
      return size;
    }

    private void write(TensorFileWriter writer, Path directory, Sampled values)
        throws IOException {
      writer.write(directory.resolve(fileName), header, specs, values);
    }

    /** {@return {@code model-00001-of-00004.safetensors: 12 tensors, 4294967296 bytes}} */
    @Override
    public String toString() {
      return fileName + ": " + specs.size() + " tensors, " + size + " bytes";
    }
  }

  /**
   * The pool the sampler fills in while a checkpoint is written: all processors but one, which
   * the writer thread and the operating system's writes need. (On 2 processors, 8.5 GB written
   * five times over in turns: a fill on both cores, in the common pool and its caller, starved
   * the writes, 0.31 GB/s in the median; with one sampler thread, 0.45 GB/s; plain writes of as
   * many bytes, 0.65 GB/s.) A fill's values do not depend on its threads.
   */
  private static ForkJoinPool samplerPool() {
    return new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }

  /** The values of specs for a seed, drawn slice by slice as the writer asks for them. */
  private static final class Sampled implements TensorFileWriter.Values {
    private final List<TensorSpec> specs;
    private final long seed;
    private final ForkJoinPool sampler;

    Sampled(List<TensorSpec> specs, long seed, ForkJoinPool sampler) {
      this.specs = specs;
      this.seed = seed;
      this.sampler = sampler;
    }

    @Override
    public void get(int tensor, long first, float[] dst, int count) {
      // Run in the pool, the fill splits across its threads (TensorSpec.fill uses the pool its
      // caller runs in); the calling thread waits.
      sampler.invoke(ForkJoinTask.adapt(() -> specs.get(tensor).fill(dst, 0, count, first, seed)));
    }

    @Override
    public void get(int tensor, long first, double[] dst, int count) {
      sampler.invoke(ForkJoinTask.adapt(() -> specs.get(tensor).fill(dst, 0, count, first, seed)));
    }

    @Override
    public Object flat(int tensor) {
      return null;
    }
  }
}
