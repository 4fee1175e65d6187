package io.github.varscale.safetensors;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The JSON factories for safetensors headers, with their settings in one place.
 *
 * <p>Why Jackson: it is the most used and most maintained JSON library of the JVM; its 3.x line
 * targets Java 17, as varscale does; its streaming core ({@code tools.jackson.core:jackson-core},
 * used here without databind) has no dependencies; and its {@link StreamReadConstraints} bound the
 * sizes of strings, names, numbers and nesting, which a reader of untrusted files needs. Only the
 * streaming API is used: {@link HeaderWriter} writes with its generator, {@link HeaderReader}
 * reads with its parser and checks every structural rule itself.
 */
final class Json {
  /**
   * For reading: no string or name longer than the header may be, a header's numbers (offsets
   * up to 2^64 have 20 digits) and its three levels of nesting with room to spare for unknown
   * fields, which are skipped. Comments, single quotes, NaN and leading zeros stay refused, as in
   * strict JSON.
   */
  static final JsonFactory READER = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxDocumentLength(Format.MAX_HEADER_BYTES)
          .maxStringLength((int) Format.MAX_HEADER_BYTES)
          .maxNameLength((int) Format.MAX_HEADER_BYTES)
          .maxNumberLength(20)
          .maxNestingDepth(16)
          .build())
      .build();

  /** For writing: compact, UTF-8, and {@code /} left as it is (Jackson 3 escapes it by default). */
  static final JsonFactory WRITER = JsonFactory.builder()
      .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
      .build();

  private Json() {}
}
