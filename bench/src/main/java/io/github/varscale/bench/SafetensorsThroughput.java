package io.github.varscale.bench;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import io.github.varscale.safetensors.CheckpointPlan;
import io.github.varscale.safetensors.Dtype;
import io.github.varscale.safetensors.Safetensors;
import io.github.varscale.safetensors.SafetensorsHeader;
import io.github.varscale.safetensors.TensorInfo;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The safetensors module's throughput against plain {@link FileChannel} loops of preallocated
 * direct buffers, measured in the same run, on the same disk. A same-process harness: what is
 * timed is one file or checkpoint of gigabytes, where JMH's repetitions would only add hours.
 *
 * <pre>
 * java -Xmx2g   ... SafetensorsThroughput write DIR [repeats]  # a 1 GiB float32 model
 * java -Xmx256m ... SafetensorsThroughput checkpoint DIR       # Llama-3-8B-like, 32 GB
 * java -Xmx256m ... SafetensorsThroughput huge DIR             # one BF16 tensor of 3e9 elements
 * java -Xmx2g   ... SafetensorsThroughput read DIR [repeats]   # the 1 GiB file, cold and warm
 * </pre>
 *
 * <p>Each timed run starts with no dirty pages ({@code sync}) and, but for the warm reads, with the
 * page cache dropped ({@code /proc/sys/vm/drop_caches}, as root; the harness says when it could
 * not). Write times are given to the return of the call (the data in the page cache) and
 * through a final {@code fsync} (the data on the device). Every file is deleted after it is
 * measured.
 */
public final class SafetensorsThroughput {
  private static final long SEED = 42;
  private static final int PLAIN_BUFFER = 8 << 20;
  private static final double GB = 1e9;

  private SafetensorsThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SafetensorsThroughput write|checkpoint|huge|read DIR [repeats]");
      System.exit(2);
    }
    Path directory = Files.createDirectories(Path.of(args[1]));
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.printf(Locale.ROOT, "%s, %d processors, max heap %d MiB, %s %s%n",
        Machine.cpuModel(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
    switch (args[0]) {
      case "write":
        write(directory, repeats);
        break;
      case "checkpoint":
        checkpoint(directory);
        break;
      case "huge":
        huge(directory);
        break;
      case "read":
        read(directory, repeats);
        break;
      default:
        throw new IllegalArgumentException("unknown part " + args[0]);
    }
  }

  /** A model of 16 float tensors of 4096 x 4096: 1 GiB of float32. */
  private static List<ModelTensor> gibModel() {
    List<ModelTensor> tensors = new ArrayList<>();
    Initializer normal = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
    for (int i = 0; i < 16; i++) {
      TensorSpec spec = TensorSpec.of("layers." + i + ".weight", "bench.Gib#layers." + i,
          float.class, new int[] {4096, 4096}, FanAxes.of(Layout.OUT_IN), normal, "HeNormal");
      ModelTensor tensor = ModelTensor.of(spec, new float[4096 * 4096]);
      tensor.initialize(SEED);
      tensors.add(tensor);
    }
    return tensors;
  }

  /** (1) {@code Safetensors.write} of 1 GiB of float32 against plain writes of as many bytes. */
  private static void write(Path directory, int repeats) throws Exception {
    List<ModelTensor> model = gibModel();
    Path ours = directory.resolve("model.safetensors");
    Path plain = directory.resolve("plain.bin");
    Safetensors.write(ours, model.subList(0, 2), Dtype.F32); // warm-up
    plainWrite(plain, 128L << 20);
    Safetensors.write(ours, model, Dtype.F32);
    long bytes = Files.size(ours);
    delete(ours, plain);
    System.out.printf(Locale.ROOT, "write: %d bytes (%s) per file, %d runs of each, "
        + "alternating which goes first%n", bytes, gib(bytes), repeats);
    double[][] rates = new double[4][repeats]; // plain cache, plain disk, ours cache, ours disk
    for (int r = 0; r < repeats; r++) {
      for (int turn = 0; turn < 2; turn++) {
        boolean plainTurn = (turn == 0) == (r % 2 == 0);
        dropCaches(); // the same free memory for each run, the last run's pages written
        long start = System.nanoTime();
        if (plainTurn) {
          plainWrite(plain, bytes);
        } else {
          Safetensors.write(ours, model, Dtype.F32);
        }
        long returned = System.nanoTime();
        force(plainTurn ? plain : ours);
        long durable = System.nanoTime();
        int at = plainTurn ? 0 : 2;
        rates[at][r] = bytes / ((returned - start) / 1e9);
        rates[at + 1][r] = bytes / ((durable - start) / 1e9);
        System.out.printf(Locale.ROOT, "  run %d %-11s %6.3f GB/s to the page cache, %6.3f GB/s"
            + " through fsync%n", r + 1, plainTurn ? "plain" : "safetensors", rates[at][r] / GB,
            rates[at + 1][r] / GB);
        delete(plainTurn ? plain : ours);
      }
    }
    System.out.printf(Locale.ROOT, "write medians: plain %.3f / %.3f GB/s, safetensors %.3f /"
        + " %.3f GB/s (page cache / fsync); ratio %.1f%% / %.1f%%%n", median(rates[0]) / GB,
        median(rates[1]) / GB, median(rates[2]) / GB, median(rates[3]) / GB,
        100 * median(rates[2]) / median(rates[0]), 100 * median(rates[3]) / median(rates[1]));
  }

  /** (3) {@code Safetensors.read} of the 1 GiB file against plain reads of it, cold and warm. */
  private static void read(Path directory, int repeats) throws Exception {
    List<ModelTensor> model = gibModel();
    int[] hashes = model.stream().mapToInt(t -> Arrays.hashCode((float[]) t.array())).toArray();
    Path file = directory.resolve("model.safetensors");
    Safetensors.write(file, model, Dtype.F32);
    sync();
    long bytes = Files.size(file);
    Safetensors.read(file, model); // warm-up
    plainRead(file);
    boolean dropped = dropCaches();
    System.out.printf(Locale.ROOT, "read: %d bytes (%s), %d runs each of cold (page cache %s)"
        + " and warm reads%n", bytes, gib(bytes), repeats,
        dropped ? "dropped before each" : "NOT dropped: not root?");
    double[][] rates = new double[4][repeats]; // plain cold, ours cold, plain warm, ours warm
    for (int r = 0; r < repeats; r++) {
      for (int warm = 0; warm < 2; warm++) {
        for (int turn = 0; turn < 2; turn++) {
          boolean plainTurn = (turn == 0) == (r % 2 == 0);
          for (ModelTensor tensor : model) {
            Arrays.fill((float[]) tensor.array(), 0f);
          }
          if (warm == 0) {
            dropCaches();
          } else {
            plainRead(file); // the whole file in the page cache
          }
          long start = System.nanoTime();
          if (plainTurn) {
            plainRead(file);
          } else {
            Safetensors.read(file, model);
          }
          long end = System.nanoTime();
          int at = 2 * warm + (plainTurn ? 0 : 1);
          rates[at][r] = bytes / ((end - start) / 1e9);
          System.out.printf(Locale.ROOT, "  run %d %s %-11s %6.3f GB/s%n", r + 1,
              warm == 0 ? "cold" : "warm", plainTurn ? "plain" : "safetensors", rates[at][r] / GB);
          for (int t = 0; !plainTurn && t < model.size(); t++) {
            if (Arrays.hashCode((float[]) model.get(t).array()) != hashes[t]) {
              throw new AssertionError("tensor " + t + " read back wrong");
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "read medians: cold plain %.3f, safetensors %.3f GB/s (%.1f%%);"
        + " warm plain %.3f, safetensors %.3f GB/s (%.1f%%)%n", median(rates[0]) / GB,
        median(rates[1]) / GB, 100 * median(rates[1]) / median(rates[0]), median(rates[2]) / GB,
        median(rates[3]) / GB, 100 * median(rates[3]) / median(rates[2]));
    delete(file);
  }

  /**
   * A Llama-3-8B-like model in Hugging Face's names: 128256 x 4096 embeddings and head, 32
   * blocks of grouped-query attention (q, o 4096 x 4096; k, v 1024 x 4096) and a 14336-wide
   * SwiGLU MLP, RMS norms of ones. PyTorch's {@code [out, in]} layout.
   */
  static List<TensorSpec> llama() {
    Initializer embedding = FixedInitializer.randomNormal(0.0, 0.02);
    Initializer glorot = VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM);
    Initializer he = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
    Initializer lecun = VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
    Initializer ones = FixedInitializer.ones();
    List<TensorSpec> specs = new ArrayList<>();
    specs.add(llama("model.embed_tokens.weight", embedding, "RandomNormal", 128256, 4096));
    for (int i = 0; i < 32; i++) {
      String block = "model.layers." + i + ".";
      specs.add(llama(block + "self_attn.q_proj.weight", glorot, "GlorotUniform", 4096, 4096));
      specs.add(llama(block + "self_attn.k_proj.weight", glorot, "GlorotUniform", 1024, 4096));
      specs.add(llama(block + "self_attn.v_proj.weight", glorot, "GlorotUniform", 1024, 4096));
      specs.add(llama(block + "self_attn.o_proj.weight", glorot, "GlorotUniform", 4096, 4096));
      specs.add(llama(block + "mlp.gate_proj.weight", he, "HeNormal", 14336, 4096));
      specs.add(llama(block + "mlp.up_proj.weight", he, "HeNormal", 14336, 4096));
      specs.add(llama(block + "mlp.down_proj.weight", lecun, "LecunNormal", 4096, 14336));
      specs.add(llama(block + "input_layernorm.weight", ones, "Ones", 4096));
      specs.add(llama(block + "post_attention_layernorm.weight", ones, "Ones", 4096));
    }
    specs.add(llama("model.norm.weight", ones, "Ones", 4096));
    specs.add(llama("lm_head.weight", embedding, "RandomNormal", 128256, 4096));
    return specs;
  }

  private static TensorSpec llama(String path, Initializer initializer, String name,
      int... shape) {
    return TensorSpec.of(path, "bench.Llama#" + path, float.class, shape,
        FanAxes.of(Layout.OUT_IN), initializer, name);
  }

  /**
   * (2) {@code writeCheckpoint} of the 8-billion-parameter model in F32, sharded at 4 GiB, then
   * plain writes of files of the same sizes; heap and direct memory sampled throughout.
   */
  private static void checkpoint(Path directory) throws Exception {
    List<TensorSpec> specs = llama();
    long maxShard = 4L << 30;
    CheckpointPlan plan = Safetensors.plan(specs, Dtype.F32, maxShard);
    long parameters = specs.stream().mapToLong(TensorSpec::size).sum();
    Path checkpoint = directory.resolve("llama-checkpoint");
    Path plainDirectory = directory.resolve("plain-checkpoint");
    System.out.printf(Locale.ROOT, "checkpoint: %d tensors, %,d parameters, %d shards, %d bytes"
        + " of data (%s)%n", specs.size(), parameters, plan.shards().size(), plan.totalSize(),
        gib(plan.totalSize()));

    dropCaches();
    MemorySampler ours = MemorySampler.start();
    long start = System.nanoTime();
    Safetensors.writeCheckpoint(checkpoint, specs, SEED, Dtype.F32, maxShard);
    long returned = System.nanoTime();
    sync();
    long synced = System.nanoTime();
    ours.stop();
    List<Long> sizes = new ArrayList<>();
    for (CheckpointPlan.Shard shard : plan.shards()) {
      Path file = checkpoint.resolve(shard.fileName());
      sizes.add(Files.size(file));
      SafetensorsHeader header = Safetensors.readHeader(file);
      if (header.tensors().size() != shard.specs().size()) {
        throw new AssertionError(file + " holds " + header.tensors().size() + " tensors");
      }
    }
    sizes.add(Files.size(checkpoint.resolve(CheckpointPlan.INDEX)));
    long bytes = sizes.stream().mapToLong(Long::longValue).sum();
    report("safetensors", bytes, start, returned, synced, ours);
    double rate = bytes / ((returned - start) / 1e9);
    double syncedRate = bytes / ((synced - start) / 1e9);
    deleteTree(checkpoint);

    // The same files' sizes, written plainly.
    Files.createDirectories(plainDirectory);
    dropCaches();
    MemorySampler plainMemory = MemorySampler.start();
    start = System.nanoTime();
    for (int i = 0; i < sizes.size(); i++) {
      plainWrite(plainDirectory.resolve("file-" + i + ".bin"), sizes.get(i));
    }
    returned = System.nanoTime();
    sync();
    synced = System.nanoTime();
    plainMemory.stop();
    report("plain", bytes, start, returned, synced, plainMemory);
    double plainRate = bytes / ((returned - start) / 1e9);
    double plainSyncedRate = bytes / ((synced - start) / 1e9);
    deleteTree(plainDirectory);
    System.out.printf(Locale.ROOT, "checkpoint ratio: %.1f%% of the plain bandwidth to the return"
        + ", %.1f%% through sync; peak heap used %.1f MiB of %d MiB%n", 100 * rate / plainRate,
        100 * syncedRate / plainSyncedRate, ours.peakHeap / 1048576.0,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** A checkpoint of one tensor of 3e9 elements, more than a Java array holds, in BF16. */
  private static void huge(Path directory) throws Exception {
    TensorSpec huge = TensorSpec.of("huge.weight", "bench.Huge#huge", float.class,
        new int[] {3, 1_000_000_000}, FanAxes.of(Layout.OUT_IN), FixedInitializer.ones(), "Ones");
    Path checkpoint = directory.resolve("huge-checkpoint");
    sync();
    MemorySampler memory = MemorySampler.start();
    long start = System.nanoTime();
    Safetensors.writeCheckpoint(checkpoint, List.of(huge), SEED, Dtype.BF16, 8L << 30);
    long returned = System.nanoTime();
    sync();
    long synced = System.nanoTime();
    memory.stop();
    Path file = checkpoint.resolve(CheckpointPlan.FILE);
    TensorInfo info = Safetensors.readHeader(file).tensors().get(0);
    long size = Files.size(file);
    ByteBuffer ends = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.read(ends, size - 16);
      channel.read(ends, size - info.end()); // the first 16 bytes of the data
    }
    for (int i = 0; i < 16; i++) {
      if (ends.getShort(2 * i) != 0x3F80) {
        throw new AssertionError("not bfloat16 ones at the ends of the data: " + ends);
      }
    }
    report("huge", size, start, returned, synced, memory);
    System.out.printf(Locale.ROOT, "huge: %s, %d elements, data [%d, %d), first and last 8"
        + " elements 0x3F80 (1.0 in bfloat16)%n", info.name(), info.size(), info.begin(),
        info.end());
    deleteTree(checkpoint);
  }

  private static void report(String what, long bytes, long start, long returned, long synced,
      MemorySampler memory) {
    System.out.printf(Locale.ROOT, "  %-11s %d bytes in %.1f s (%.3f GB/s) to the return, %.1f s"
        + " (%.3f GB/s) through sync; CPU %.1f s; peak heap used %.1f MiB (pool peaks sum %.1f"
        + " MiB), peak direct buffers %.1f MiB%n", what, bytes, (returned - start) / 1e9,
        bytes / ((returned - start) / 1e9) / GB, (synced - start) / 1e9,
        bytes / ((synced - start) / 1e9) / GB, memory.cpuSeconds(), memory.peakHeap / 1048576.0,
        memory.poolPeaks / 1048576.0, memory.peakDirect / 1048576.0);
  }

  /** Writes {@code bytes} bytes of random data to {@code file} through two preallocated buffers. */
  private static void plainWrite(Path file, long bytes) throws IOException {
    ByteBuffer[] buffers = PlainBuffers.BUFFERS;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long done = 0;
      for (int i = 0; done < bytes; i++) {
        ByteBuffer buffer = buffers[i % 2].clear();
        buffer.limit((int) Math.min(buffer.capacity(), bytes - done));
        while (buffer.hasRemaining()) {
          done += channel.write(buffer);
        }
      }
    }
  }

  /**
   * Reads all of {@code file} into one preallocated direct buffer, again and again, at explicit
   * positions ({@code pread}) as the reader does.
   */
  private static void plainRead(Path file) throws IOException {
    ByteBuffer buffer = PlainBuffers.BUFFERS[0];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long position = 0;
      while (true) {
        buffer.clear();
        int read = channel.read(buffer, position);
        if (read < 0) {
          return;
        }
        position += read;
      }
    }
  }

  /** The plain loops' buffers, made once, outside every timing. */
  private static final class PlainBuffers {
    static final ByteBuffer[] BUFFERS = new ByteBuffer[2];

    static {
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < 2; i++) {
        BUFFERS[i] = ByteBuffer.allocateDirect(PLAIN_BUFFER);
        while (BUFFERS[i].hasRemaining()) {
          BUFFERS[i].putLong(random.nextLong());
        }
      }
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void sync() throws IOException, InterruptedException {
    new ProcessBuilder("sync").inheritIO().start().waitFor();
  }

  /** Drops the page cache (as root), after a sync; false if it could not. */
  private static boolean dropCaches() throws InterruptedException {
    try {
      sync();
      Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void delete(Path... files) throws IOException {
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }

  private static double median(double[] values) {
    return Stats.median(Arrays.stream(values).boxed().toList());
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
  }

  /**
   * Samples the heap in use and the direct buffers every 5 ms on a daemon thread, and reads the
   * heap pools' peaks, from a reset at the start, at the stop.
   */
  private static final class MemorySampler implements Runnable {
    private final Thread thread = new Thread(this, "memory-sampler");
    private final long cpuStart = cpuNanos();
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakDirect;
    private long poolPeaks;
    private long cpuEnd;

    static MemorySampler start() {
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      MemorySampler sampler = new MemorySampler();
      sampler.thread.setDaemon(true);
      sampler.thread.start();
      return sampler;
    }

    @Override
    public void run() {
      BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
          .stream().filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
      while (running) {
        peakHeap = Math.max(peakHeap,
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        peakDirect = Math.max(peakDirect, direct.getMemoryUsed());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
      cpuEnd = cpuNanos();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          poolPeaks += pool.getPeakUsage().getUsed();
        }
      }
    }

    double cpuSeconds() {
      return (cpuEnd - cpuStart) / 1e9;
    }

    private static long cpuNanos() {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean
          ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }
  }
}
