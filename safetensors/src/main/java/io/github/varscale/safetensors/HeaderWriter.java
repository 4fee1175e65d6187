package io.github.varscale.safetensors;

import io.github.varscale.TensorSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * The header of a file of tensors: the 8-byte length, the JSON object with {@code __metadata__}
 * first and the tensors in their order with contiguous offsets, and the spaces that pad it to a
 * multiple of 8. A pure function of the specs and the dtype, so the same tensors always give the
 * same bytes.
 */
final class HeaderWriter {
  /** Hugging Face's loaders check that a file says it holds PyTorch tensors. */
  static final String FORMAT = "format";

  /** The sampler's stream version (docs/sampling.md), which fixes the values for a seed. */
  static final String STREAM = "varscale.stream";

  static final String STREAM_VERSION = "1";

  /** Prefixes, before a tensor's path, of the entries that hold its key and initializer. */
  static final String KEY = "varscale.key.";

  static final String INITIALIZER = "varscale.initializer.";

  private HeaderWriter() {}

  /**
   * The header of a file holding {@code specs} in order, as {@code dtype}.
   *
   * @throws IllegalArgumentException if it would be longer than safetensors readers accept
   */
  static byte[] header(List<TensorSpec> specs, Dtype dtype) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[Format.LENGTH_BYTES], 0, Format.LENGTH_BYTES);
    try (JsonGenerator json =
        Json.WRITER.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeName(Format.METADATA);
      json.writeStartObject();
      for (Map.Entry<String, String> entry : metadata(specs).entrySet()) {
        json.writeStringProperty(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      long offset = 0;
      for (TensorSpec spec : specs) {
        long end = offset + spec.size() * dtype.byteSize();
        json.writeName(spec.path());
        json.writeStartObject();
        json.writeStringProperty("dtype", dtype.name());
        json.writeName("shape");
        json.writeStartArray();
        for (int dimension : spec.shape()) {
          json.writeNumber(dimension);
        }
        json.writeEndArray();
        json.writeName("data_offsets");
        json.writeStartArray();
        json.writeNumber(offset);
        json.writeNumber(end);
        json.writeEndArray();
        json.writeEndObject();
        offset = end;
      }
      json.writeEndObject();
    }
    while (out.size() % Format.ALIGNMENT != 0) {
      out.write(' ');
    }
    byte[] header = out.toByteArray();
    long length = header.length - Format.LENGTH_BYTES;
    if (length > Format.MAX_HEADER_BYTES) {
      throw new IllegalArgumentException(
          "the header of these " + specs.size() + " tensors would take " + length
              + " bytes, more than the " + Format.MAX_HEADER_BYTES
              + " safetensors readers accept; write them to several files");
    }
    ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length);
    return header;
  }

  /**
   * The {@code __metadata__} of a file holding {@code specs}: the format, the stream version,
   * and each tensor's key and initializer, in the specs' order.
   */
  static Map<String, String> metadata(List<TensorSpec> specs) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(FORMAT, "pt");
    metadata.put(STREAM, STREAM_VERSION);
    for (TensorSpec spec : specs) {
      metadata.put(KEY + spec.path(), spec.key());
      metadata.put(INITIALIZER + spec.path(), initializer(spec));
    }
    return metadata;
  }

  /**
   * The initializer as the metadata says it: its name and settings, {@code "HeNormal
   * VarianceScaling[scale=2.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL]"}, or the settings
   * alone when they begin with the name, {@code "RandomNormal[mean=0.0, stddev=0.02]"}, {@code
   * "Ones"}.
   */
  static String initializer(TensorSpec spec) {
    String name = spec.initializerName();
    String settings = spec.initializer().toString();
    boolean named = settings.equals(name) || settings.startsWith(name + "[");
    return named ? settings : name + " " + settings;
  }
}
