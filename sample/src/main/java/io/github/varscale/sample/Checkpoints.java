package io.github.varscale.sample;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.safetensors.CheckpointPlan;
import io.github.varscale.safetensors.Dtype;
import io.github.varscale.safetensors.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GPT's weights as safetensors files, both ways varscale writes them: the tensors of a model
 * initialized in memory in one file, and a sharded checkpoint streamed from the specs alone, whose
 * tensors are the same.
 */
final class Checkpoints {
  /** Small shards, so that the sample's 1.5 MB model shows what a sharded checkpoint looks like. */
  static final long SHARD_BYTES = 512 * 1024;

  private Checkpoints() {}

  /**
   * What {@link #write} wrote.
   *
   * @param file the single-file checkpoint of the initialized model
   * @param bytes its size
   * @param sharded the directory of the sharded checkpoint
   * @param shards its number of shards
   * @param sameWeights whether the shards, read into a new model, hold the initialized weights
   */
  record Written(Path file, long bytes, Path sharded, int shards, boolean sameWeights) {}

  /**
   * Writes {@code directory/model.safetensors} from a TinyGpt initialized with {@code seed}, and
   * {@code directory/sharded/} from its specs, then reads the shards back into a new TinyGpt.
   */
  static Written write(Path directory, long seed) throws IOException {
    TinyGpt initialized = SampleModels.gpt(seed);
    Path file = directory.resolve(CheckpointPlan.FILE);
    Safetensors.write(file, TinyGptInitializer.tensors(initialized), Dtype.F32);

    List<TensorSpec> specs = SampleModels.gptSpecs();
    Path sharded = directory.resolve("sharded");
    Safetensors.writeCheckpoint(sharded, specs, seed, Dtype.F32, SHARD_BYTES);

    // Read each shard into the matching tensors of a model that was never initialized.
    TinyGpt loaded = new TinyGpt(TinyGpt.SAMPLE);
    Map<String, ModelTensor> byPath = TinyGptInitializer.tensors(loaded).stream()
        .collect(Collectors.toMap(ModelTensor::path, Function.identity()));
    CheckpointPlan plan = Safetensors.plan(specs, Dtype.F32, SHARD_BYTES);
    for (CheckpointPlan.Shard shard : plan.shards()) {
      List<ModelTensor> tensors =
          shard.specs().stream().map(spec -> byPath.get(spec.path())).toList();
      Safetensors.read(sharded.resolve(shard.fileName()), tensors);
    }
    return new Written(file, Files.size(file), sharded, plan.shards().size(),
        sameValues(initialized, loaded));
  }

  private static boolean sameValues(TinyGpt a, TinyGpt b) {
    List<ModelTensor> left = TinyGptInitializer.tensors(a);
    List<ModelTensor> right = TinyGptInitializer.tensors(b);
    if (left.size() != right.size()) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      double[] x = new double[Math.toIntExact(left.get(i).spec().size())];
      double[] y = new double[x.length];
      left.get(i).get(0, x, 0, x.length);
      right.get(i).get(0, y, 0, y.length);
      if (!Arrays.equals(x, y)) {
        return false;
      }
    }
    return true;
  }
}
