package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.FixedInitializer;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Safetensors#writeCheckpoint} and {@link CheckpointPlan}: each file holds the bytes {@link
 * Safetensors#write} gives for its tensors initialized in memory, whether written in one run or
 * alone; shards are packed greedily in order; the index is Hugging Face's, byte for byte.
 */
class CheckpointTest {
  private static final long SEED = 20_260_401;

  @TempDir Path directory;

  /** The mixed model (about 5 KB of F32 data) plus a large tensor, in 4 or more shards. */
  private static List<TensorSpec> specs() {
    List<TensorSpec> specs = new ArrayList<>(Fixtures.mixedModel());
    specs.add(2, Fixtures.spec("big", float.class, Fixtures.HE_NORMAL, "HeNormal", 40, 40));
    return specs;
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @EnumSource(Dtype.class)
  void eachShardIsWhatWriteGivesForItsTensorsInitializedInMemory(Dtype dtype) throws IOException {
    long maxShardBytes = 2400L * dtype.byteSize() / 4; // "big" (1600 elements) alone exceeds it
    Path checkpoint = directory.resolve("checkpoint");
    Safetensors.writeCheckpoint(checkpoint, specs(), SEED, dtype, maxShardBytes);
    CheckpointPlan plan = Safetensors.plan(specs(), dtype, maxShardBytes);
    assertTrue(plan.shards().size() >= 4, plan::toString);

    List<String> expectedNames = new ArrayList<>();
    for (CheckpointPlan.Shard shard : plan.shards()) {
      expectedNames.add(shard.fileName());
      // In memory, nested arrays (the generated initialize's row-by-row fill) and flat ones.
      List<ModelTensor> tensors = new ArrayList<>();
      for (TensorSpec spec : shard.specs()) {
        tensors.add(tensors.size() % 2 == 0 ? Fixtures.nested(spec) : Fixtures.flat(spec));
      }
      Path inMemory = directory.resolve("in-memory.safetensors");
      Safetensors.write(inMemory, Fixtures.initialized(tensors, SEED), dtype);
      assertArrayEquals(Fixtures.bytes(inMemory), Fixtures.bytes(checkpoint.resolve(
          shard.fileName())), shard.fileName());
      SafetensorsHeader header = Safetensors.readHeader(checkpoint.resolve(shard.fileName()));
      assertEquals(2 + 2 * shard.specs().size(), header.metadata().size(),
          "a shard's metadata lists only its tensors");
    }
    expectedNames.add(CheckpointPlan.INDEX);
    assertEquals(expectedNames.stream().sorted().toList(), names(checkpoint));
  }

  @Test
  void eachShardWrittenAloneFromAnotherPlanHasTheSameBytes() throws IOException {
    Path whole = directory.resolve("whole");
    Safetensors.writeCheckpoint(whole, specs(), SEED, Dtype.BF16, 1200);
    // Another process: its own plan of equal specs, its shards in another order, elsewhere.
    CheckpointPlan plan = Safetensors.plan(specs(), Dtype.BF16, 1200);
    Path alone = directory.resolve("alone/nested");
    for (int i = plan.shards().size() - 1; i >= 0; i--) {
      plan.writeShard(alone, i, SEED);
    }
    plan.writeIndex(alone);
    assertEquals(names(whole), names(alone));
    for (String name : names(whole)) {
      assertArrayEquals(Fixtures.bytes(whole.resolve(name)), Fixtures.bytes(alone.resolve(name)),
          name);
    }
    // Through tiny buffers, which split tensors and join them in one write, the same bytes.
    Path tiny = directory.resolve("tiny");
    plan.write(tiny, SEED, 24);
    for (String name : names(whole)) {
      assertArrayEquals(Fixtures.bytes(whole.resolve(name)), Fixtures.bytes(tiny.resolve(name)),
          name);
    }
    assertThrows(IndexOutOfBoundsException.class,
        () -> plan.writeShard(alone, plan.shards().size(), SEED));
  }

  @Test
  void shardsArePackedGreedilyInOrderAndALargeTensorGetsItsOwn() {
    // F32 tensors of 40, 40, 100, 40, 40, 40 bytes, at most 90 bytes a shard.
    int[] elements = {10, 10, 25, 10, 10, 10};
    List<TensorSpec> specs = new ArrayList<>();
    for (int i = 0; i < elements.length; i++) {
      specs.add(Fixtures.spec("t" + i, float.class, FixedInitializer.ones(), "Ones", elements[i]));
    }
    CheckpointPlan plan = Safetensors.plan(specs, Dtype.F32, 90);
    assertEquals(List.of("model-00001-of-00004.safetensors: 2 tensors, 80 bytes",
            "model-00002-of-00004.safetensors: 1 tensors, 100 bytes",
            "model-00003-of-00004.safetensors: 2 tensors, 80 bytes",
            "model-00004-of-00004.safetensors: 1 tensors, 40 bytes"),
        plan.shards().stream().map(CheckpointPlan.Shard::toString).toList());
    assertEquals(specs.subList(3, 5), plan.shards().get(2).specs());
    assertEquals(300, plan.totalSize());
    assertTrue(plan.isSharded());
    assertEquals(Dtype.F32, plan.dtype());

    // At most maxShardBytes in all: one file, no index. One byte less: shards.
    CheckpointPlan one = Safetensors.plan(specs, Dtype.F32, 300);
    assertEquals(List.of(CheckpointPlan.FILE),
        one.shards().stream().map(CheckpointPlan.Shard::fileName).toList());
    assertFalse(one.isSharded());
    assertEquals(2, Safetensors.plan(specs, Dtype.F32, 299).shards().size());
    assertEquals(1, Safetensors.plan(specs, Dtype.F16, 150).shards().size());
    assertEquals(1, Safetensors.plan(List.of(specs.get(2)), Dtype.F32, 1).shards().size(),
        "one tensor over the limit: one file");
  }

  /**
   * Rewriting a checkpoint with another layout leaves only the new one's files, whichever way it
   * changes; files of other names stay.
   */
  @Test
  void aNewCheckpointDeletesTheFilesOfAnEarlierLayoutOnly() throws IOException {
    Path checkpoint = directory.resolve("rewritten");
    Files.createDirectories(checkpoint);
    Files.writeString(checkpoint.resolve("config.json"), "{}");
    Files.writeString(checkpoint.resolve("model-00001-of-00003.safetensors.bak"), "keep");
    Safetensors.writeCheckpoint(checkpoint, specs(), SEED, Dtype.F32, 1L << 30);
    assertEquals(List.of("config.json", "model-00001-of-00003.safetensors.bak",
        CheckpointPlan.FILE), names(checkpoint));

    long small = 2400;
    List<String> sharded = new ArrayList<>();
    for (CheckpointPlan.Shard shard : Safetensors.plan(specs(), Dtype.F32, small).shards()) {
      sharded.add(shard.fileName());
    }
    Safetensors.writeCheckpoint(checkpoint, specs(), SEED, Dtype.F32, small);
    List<String> expected = new ArrayList<>(sharded);
    expected.addAll(List.of("config.json", "model-00001-of-00003.safetensors.bak",
        CheckpointPlan.INDEX));
    assertEquals(expected.stream().sorted().toList(), names(checkpoint));

    // Fewer, larger shards: the earlier ones of the other count go.
    long larger = 8000;
    int count = Safetensors.plan(specs(), Dtype.F32, larger).shards().size();
    assertTrue(count > 1 && count < sharded.size(), "shards: " + count + " and " + sharded.size());
    Safetensors.writeCheckpoint(checkpoint, specs(), SEED, Dtype.F32, larger);
    assertTrue(names(checkpoint).stream().filter(n -> n.endsWith(".safetensors"))
        .allMatch(n -> n.endsWith(String.format(Locale.ROOT, "-of-%05d.safetensors", count))),
        names(checkpoint)::toString);

    Safetensors.writeCheckpoint(checkpoint, specs(), SEED, Dtype.F32, 1L << 30);
    assertEquals(List.of("config.json", "model-00001-of-00003.safetensors.bak",
        CheckpointPlan.FILE), names(checkpoint));
  }

  @Test
  void anUnshardedCheckpointIsOneFileWithNoIndex() throws IOException {
    Path checkpoint = directory.resolve("one");
    Safetensors.writeCheckpoint(checkpoint, specs(), SEED, Dtype.F32, 1L << 30);
    assertEquals(List.of(CheckpointPlan.FILE), names(checkpoint));
    Path inMemory = directory.resolve("in-memory.safetensors");
    Safetensors.write(inMemory, Fixtures.initialized(Fixtures.flat(specs()), SEED), Dtype.F32);
    assertArrayEquals(Fixtures.bytes(inMemory), Fixtures.bytes(checkpoint.resolve(
        CheckpointPlan.FILE)));
    CheckpointPlan plan = Safetensors.plan(specs(), Dtype.F32, 1L << 30);
    assertEquals("a checkpoint of one file, model.safetensors, has no index; loaders look for one"
        + " only when there are shards", assertThrows(IllegalStateException.class,
            () -> plan.writeIndex(checkpoint)).getMessage());

    Path empty = directory.resolve("empty");
    Safetensors.writeCheckpoint(empty, List.of(), SEED, Dtype.F32, 1);
    assertEquals(List.of(), Safetensors.readHeader(empty.resolve(CheckpointPlan.FILE)).tensors());
  }

  /**
   * The index of a checkpoint as Python writes it: sorted by code point (the astral U+1F600
   * after U+FFFD, where Java's UTF-16 order would put it before), every character past ASCII
   * escaped in lowercase hex, two-space indents, a final newline. Checked by hand: Python's
   * {@code json.dumps(json.load(f), indent=2, sort_keys=True) + "\n"} gives this text again.
   */
  @Test
  void theIndexIsHuggingFacesByteForByte() throws IOException {
    List<TensorSpec> specs = List.of(
        Fixtures.spec("z.w", float.class, FixedInitializer.ones(), "Ones", 4),
        Fixtures.spec("a.w", float.class, FixedInitializer.ones(), "Ones", 4),
        Fixtures.spec("caf\u00e9 \"q\"\\\t\u007f", float.class, FixedInitializer.ones(), "Ones", 4),
        Fixtures.spec("\uD83D\uDE00", float.class, FixedInitializer.ones(), "Ones", 4),
        Fixtures.spec("\uFFFD", float.class, FixedInitializer.ones(), "Ones", 4));
    CheckpointPlan plan = Safetensors.plan(specs, Dtype.F32, 32);
    plan.writeIndex(directory);
    String expected = "{\n"
        + "  \"metadata\": {\n"
        + "    \"total_size\": 80\n"
        + "  },\n"
        + "  \"weight_map\": {\n"
        + "    \"a.w\": \"model-00001-of-00003.safetensors\",\n"
        + "    \"caf\\u00e9 \\\"q\\\"\\\\\\t\\u007f\": \"model-00002-of-00003.safetensors\",\n"
        + "    \"z.w\": \"model-00001-of-00003.safetensors\",\n"
        + "    \"\\ufffd\": \"model-00003-of-00003.safetensors\",\n"
        + "    \"\\ud83d\\ude00\": \"model-00002-of-00003.safetensors\"\n"
        + "  }\n"
        + "}\n";
    assertEquals(expected, Files.readString(directory.resolve(CheckpointPlan.INDEX)));
  }

  /**
   * A tensor of 3 billion elements, more than a Java array holds: planned, with its header's
   * offsets past 2^32, and that header checked by the reader against a sparse file of the right
   * size (its 6 GB of data are not written: the bench writes such tensors).
   */
  @Test
  void aTensorLargerThanAnArrayIsPlannedWithLongOffsets() throws IOException {
    TensorSpec huge = Fixtures.spec("huge", float.class, FixedInitializer.zeros(), "Zeros",
        3, 1_000_000_000);
    TensorSpec after = Fixtures.spec("after", float.class, FixedInitializer.ones(), "Ones", 2);
    CheckpointPlan plan = Safetensors.plan(List.of(huge, after), Dtype.BF16, 4L << 30);
    assertEquals(2, plan.shards().size());
    assertEquals(6_000_000_004L, plan.totalSize());
    CheckpointPlan.Shard shard = plan.shards().get(0);
    assertEquals(6_000_000_000L, shard.size());
    Path file = directory.resolve(shard.fileName());
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] header = HeaderWriter.header(shard.specs(), Dtype.BF16);
      sparse.write(header);
      sparse.setLength(header.length + shard.size());
    }
    TensorInfo info = Safetensors.readHeader(file).tensors().get(0);
    assertArrayEquals(new long[] {3, 1_000_000_000}, info.shape());
    assertEquals(3_000_000_000L, info.size());
    assertEquals(6_000_000_000L, info.end());
    Files.delete(file);
  }
}
