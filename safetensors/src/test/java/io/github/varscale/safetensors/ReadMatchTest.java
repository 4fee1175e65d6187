package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Safetensors#read} matches strictly, as {@code load_state_dict(strict=True)}: a tensor
 * missing on either side or of another shape is a {@link TensorMismatchException} naming it, and
 * no tensor changes.
 */
class ReadMatchTest {
  @TempDir Path directory;
  private Path file;
  private final List<TensorSpec> specs = Fixtures.model(float.class);

  @BeforeEach
  void writeTheModel() throws IOException {
    file = directory.resolve("model.safetensors");
    Safetensors.write(file, Fixtures.initialized(Fixtures.flat(specs), 1), Dtype.F32);
  }

  /** Reads into {@code tensors}, set to 7 first; asserts the mismatch named and nothing changed. */
  private void mismatch(List<ModelTensor> tensors, String... problems) {
    Fixtures.fill(tensors, 7);
    TensorMismatchException e =
        assertThrows(TensorMismatchException.class, () -> Safetensors.read(file, tensors));
    assertTrue(e.getMessage().startsWith(file + " does not match the model, nothing was read: "),
        e.getMessage());
    for (String problem : problems) {
      assertTrue(e.getMessage().contains(problem), () -> problem + " not in " + e.getMessage());
    }
    for (double[] values : Fixtures.values(tensors)) {
      for (double value : values) {
        assertEquals(7, value);
      }
    }
  }

  @Test
  void aMismatchInTheLastTensorLeavesTheFirstUnchanged() {
    List<TensorSpec> changed = new ArrayList<>(specs);
    changed.set(specs.size() - 1, Fixtures.spec("scale", float.class, Fixtures.HE_NORMAL,
        "HeNormal", 1));
    mismatch(Fixtures.nested(changed), "tensor \"scale\" has shape [] in the file, [1] in the model");
  }

  @Test
  void aModelTensorMissingFromTheFile() {
    List<TensorSpec> more = new ArrayList<>(specs);
    more.add(Fixtures.spec("head", float.class, Fixtures.HE_NORMAL, "HeNormal", 4, 2));
    mismatch(Fixtures.flat(more), "tensor \"head\" of the model is not in the file");
  }

  @Test
  void aFileTensorMissingFromTheModel() {
    mismatch(Fixtures.flat(specs.subList(1, specs.size())),
        "tensor \"embed\" of the file is not in the model");
  }

  @Test
  void everyMismatchIsNamed() {
    List<TensorSpec> other = new ArrayList<>(specs.subList(0, 3));
    other.set(0, Fixtures.spec("embed", float.class, Fixtures.EMBEDDING, "RandomNormal", 16, 50));
    other.add(Fixtures.spec("extra", float.class, Fixtures.EMBEDDING, "RandomNormal", 1));
    mismatch(Fixtures.flat(other),
        "tensor \"embed\" has shape [50, 16] in the file, [16, 50] in the model",
        "tensor \"extra\" of the model is not in the file",
        "tensor \"blocks.0.norm\" of the file is not in the model",
        "tensor \"blocks.0.bias\" of the file is not in the model",
        "tensor \"scale\" of the file is not in the model");
  }

  @Test
  void theModelsOrderDoesNotMatter() throws IOException {
    List<ModelTensor> reversed = new ArrayList<>(Fixtures.flat(specs));
    java.util.Collections.reverse(reversed);
    Safetensors.read(file, reversed);
    List<ModelTensor> expected = Fixtures.initialized(Fixtures.flat(specs), 1);
    for (int i = 0; i < specs.size(); i++) {
      assertArrayEquals((float[]) expected.get(i).array(),
          (float[]) reversed.get(specs.size() - 1 - i).array());
    }
  }

  @Test
  void argumentsAreCheckedBeforeTheFileIsOpened() {
    Path missing = directory.resolve("missing.safetensors");
    List<ModelTensor> tensors = Fixtures.flat(specs);
    assertEquals("file", assertThrows(NullPointerException.class,
        () -> Safetensors.read(null, tensors)).getMessage());
    assertEquals("tensors", assertThrows(NullPointerException.class,
        () -> Safetensors.read(missing, null)).getMessage());
    List<ModelTensor> withNull = new ArrayList<>(tensors);
    withNull.add(1, null);
    assertEquals("tensors[1]", assertThrows(NullPointerException.class,
        () -> Safetensors.read(missing, withNull)).getMessage());
    List<ModelTensor> twice = new ArrayList<>(tensors);
    twice.add(Fixtures.flat(specs.get(2)));
    assertEquals("tensors[2] and tensors[6] both have path blocks.0.dense; a file names each "
        + "tensor once", assertThrows(IllegalArgumentException.class,
            () -> Safetensors.read(missing, twice)).getMessage());
    assertThrows(NoSuchFileException.class, () -> Safetensors.read(missing, tensors));
    assertThrows(NoSuchFileException.class, () -> Safetensors.readHeader(missing));
    assertEquals("file", assertThrows(NullPointerException.class,
        () -> Safetensors.readHeader(null)).getMessage());
  }

  @Test
  void theHeaderDescribesTheFile() throws IOException {
    SafetensorsHeader header = Safetensors.readHeader(file);
    assertEquals(specs.stream().map(TensorSpec::path).toList(),
        header.tensors().stream().map(TensorInfo::name).toList());
    TensorInfo conv = header.tensor("blocks.0.conv").orElseThrow();
    assertArrayEquals(new long[] {3, 16, 8}, conv.shape());
    assertEquals(384, conv.size());
    assertEquals(50 * 16 * 4, conv.begin());
    assertEquals(conv.begin() + 384 * 4, conv.end());
    assertEquals("blocks.0.conv F32 [3, 16, 8] bytes [3200, 4736)", conv.toString());
    assertTrue(header.tensor("nothing").isEmpty());
    assertTrue(header.toString().contains("\nscale F32 [] bytes [5216, 5220)"), header::toString);
    assertEquals(Arrays.asList(Dtype.values()), List.of(Dtype.F32, Dtype.F64, Dtype.F16,
        Dtype.BF16));
  }
}
