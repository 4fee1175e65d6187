package io.github.varscale.safetensors;

import io.github.varscale.ModelTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file's values into a model's tensors: first the whole header is checked, and checked
 * against every tensor, so that a bad file or a mismatch changes nothing; then the data is read
 * in the file's order through one direct buffer, converted to each tensor's element type.
 */
final class TensorFileReader {
  /** A mismatch message lists this many tensors at most. */
  private static final int PROBLEMS_SHOWN = 20;

  private TensorFileReader() {}

  /** See {@link Safetensors#read}. */
  static void read(Path file, List<ModelTensor> tensors, int bufferBytes) throws IOException {
    Map<String, ModelTensor> model = new LinkedHashMap<>();
    for (ModelTensor tensor : tensors) {
      model.put(tensor.path(), tensor);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      SafetensorsHeader header = HeaderReader.read(channel, file);
      requireMatch(file, header, model);
      long largest = header.tensors().stream()
          .mapToLong(t -> t.end() - t.begin()).max().orElse(0);
      int capacity = Format.bufferBytes(largest, bufferBytes);
      ByteBuffer buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
      Decoder decoder = new Decoder();
      Staging staging = new Staging(capacity);
      for (TensorInfo info : header.tensors()) {
        copy(channel, header.dataOffset(), info, model.get(info.name()), buffer, decoder,
            staging);
      }
    }
  }

  /**
   * Throws unless the file's tensors are the model's, by name, with the same shapes: a model
   * tensor the file lacks and a file tensor the model lacks are both mismatches, as PyTorch's
   * {@code load_state_dict(strict=True)} has them.
   */
  private static void requireMatch(Path file, SafetensorsHeader header,
      Map<String, ModelTensor> model) throws TensorMismatchException {
    Map<String, TensorInfo> inFile = new HashMap<>();
    for (TensorInfo info : header.tensors()) {
      inFile.put(info.name(), info);
    }
    List<String> problems = new ArrayList<>();
    for (ModelTensor tensor : model.values()) {
      TensorInfo info = inFile.get(tensor.path());
      String name = "tensor " + HeaderReader.quote(tensor.path());
      if (info == null) {
        problems.add(name + " of the model is not in the file");
      } else if (!sameShape(info.shape(), tensor.shape())) {
        problems.add(name + " has shape " + Arrays.toString(info.shape()) + " in the file, "
            + Arrays.toString(tensor.shape()) + " in the model");
      }
    }
    for (TensorInfo info : header.tensors()) {
      if (!model.containsKey(info.name())) {
        problems.add("tensor " + HeaderReader.quote(info.name())
            + " of the file is not in the model");
      }
    }
    if (!problems.isEmpty()) {
      String shown = String.join("; ", problems.subList(0, Math.min(problems.size(),
          PROBLEMS_SHOWN)));
      throw new TensorMismatchException(file + " does not match the model, nothing was read: "
          + shown + (problems.size() > PROBLEMS_SHOWN
              ? "; and " + (problems.size() - PROBLEMS_SHOWN) + " more" : ""));
    }
  }

  private static boolean sameShape(long[] inFile, int[] inModel) {
    if (inFile.length != inModel.length) {
      return false;
    }
    for (int i = 0; i < inFile.length; i++) {
      if (inFile[i] != inModel[i]) {
        return false;
      }
    }
    return true;
  }

  /** Reads one tensor's bytes, buffer by buffer, into {@code tensor}. */
  private static void copy(FileChannel channel, long dataOffset, TensorInfo info,
      ModelTensor tensor, ByteBuffer buffer, Decoder decoder, Staging staging)
      throws IOException {
    int elementBytes = info.dtype().byteSize();
    int perBuffer = buffer.capacity() / elementBytes;
    Object array = tensor.array();
    long position = dataOffset + info.begin();
    for (long done = 0; done < info.size(); ) {
      int count = (int) Math.min(info.size() - done, perBuffer);
      buffer.clear().limit(count * elementBytes);
      HeaderReader.readFully(channel, buffer, position);
      buffer.flip();
      position += (long) count * elementBytes;
      if (array instanceof float[]) {
        decoder.get(info.dtype(), buffer, (float[]) array, (int) done, count);
      } else if (array instanceof double[]) {
        decoder.get(info.dtype(), buffer, (double[]) array, (int) done, count);
      } else if (tensor.spec().elementType() == float.class) {
        decoder.get(info.dtype(), buffer, staging.floats(), 0, count);
        tensor.set(done, staging.floats(), 0, count);
      } else {
        decoder.get(info.dtype(), buffer, staging.doubles(), 0, count);
        tensor.set(done, staging.doubles(), 0, count);
      }
      done += count;
    }
  }

  /** The arrays a nested tensor's values pass through, made when first needed. */
  private static final class Staging {
    private final int bytes;
    private float[] floats;
    private double[] doubles;

    Staging(int bytes) {
      this.bytes = bytes;
    }

    float[] floats() {
      // A buffer of 2-byte elements holds bytes / 2 of them: the most any read decodes.
      if (floats == null) {
        floats = new float[bytes / 2];
      }
      return floats;
    }

    double[] doubles() {
      if (doubles == null) {
        doubles = new double[bytes / 2];
      }
      return doubles;
    }
  }
}
