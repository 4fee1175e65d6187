package io.github.varscale.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads and checks a safetensors file's header by the reference reader's rules ({@code
 * Metadata::validate} in huggingface/safetensors), and more strictly where the reference is lax:
 * the header must start with an opening brace and be valid UTF-8; no name may appear twice;
 * every length is checked against the file's size before anything of that length is allocated.
 * Everything wrong is a {@link SafetensorsFormatException} whose message names the file and the
 * problem; nothing else escapes, the JSON parser's exceptions included.
 */
final class HeaderReader {
  private final Path file;

  private HeaderReader(Path file) {
    this.file = file;
  }

  /**
   * The header of {@code file}, read from {@code channel} and checked against the file's size.
   *
   * @throws SafetensorsFormatException if the file breaks a rule of the format
   * @throws IOException if it cannot be read
   */
  static SafetensorsHeader read(FileChannel channel, Path file) throws IOException {
    return new HeaderReader(file).read(channel);
  }

  private SafetensorsHeader read(FileChannel channel) throws IOException {
    long fileSize = channel.size();
    if (fileSize < Format.LENGTH_BYTES) {
      throw invalid("has " + fileSize + " bytes, fewer than the 8 of the header length");
    }
    ByteBuffer prefix = ByteBuffer.allocate(Format.LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, prefix, 0);
    long length = prefix.getLong(0);
    // A u64: read as signed, lengths of 2^63 and more are negative, and too large as well.
    if (length < 0 || length > Format.MAX_HEADER_BYTES) {
      throw invalid("header length " + Long.toUnsignedString(length) + " is more than the "
          + Format.MAX_HEADER_BYTES + " bytes safetensors allows");
    }
    if (length > fileSize - Format.LENGTH_BYTES) {
      throw invalid("header length " + length + " runs past the end of the file, which has "
          + fileSize + " bytes");
    }
    byte[] json = new byte[(int) length];
    readFully(channel, ByteBuffer.wrap(json), Format.LENGTH_BYTES);
    if (length == 0 || json[0] != '{') {
      throw invalid("header does not start with '{'");
    }
    requireUtf8(json);
    long dataOffset = Format.LENGTH_BYTES + length;
    return parse(json, dataOffset, fileSize - dataOffset);
  }

  /** Reads {@code buffer.remaining()} bytes from {@code position}, or fails if the file ends. */
  static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new SafetensorsFormatException(
            "the file ended at byte " + at + ", before the " + buffer.remaining()
                + " bytes more its header promises; was it changed while being read?");
      }
      at += read;
    }
  }

  /** The reference reader refuses invalid UTF-8 (Rust's {@code from_utf8}), overlong forms too. */
  private void requireUtf8(byte[] json) throws SafetensorsFormatException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(json);
    CharBuffer out = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
      if (result.isError()) {
        throw invalid("header is not valid UTF-8 at byte " + (Format.LENGTH_BYTES + in.position()));
      }
    } while (result.isOverflow());
    out.clear();
    if (decoder.flush(out).isError()) {
      throw invalid("header is not valid UTF-8 at its end");
    }
  }

  private SafetensorsHeader parse(byte[] json, long dataOffset, long dataBytes)
      throws SafetensorsFormatException {
    Map<String, String> metadata = Map.of();
    List<TensorInfo> tensors = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try (JsonParser parser = Json.READER.createParser(ObjectReadContext.empty(), json)) {
      parser.nextToken(); // the '{' checked above
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        if (!names.add(name)) {
          throw invalid("the header names " + quote(name) + " twice");
        }
        parser.nextToken();
        if (name.equals(Format.METADATA)) {
          metadata = metadata(parser);
        } else {
          tensors.add(tensor(parser, name));
        }
      }
      if (parser.nextToken() != null) {
        throw invalid("header has more after its object than spaces");
      }
    } catch (JacksonException e) {
      TokenStreamLocation location = e.getLocation();
      String where = location == null || location.getByteOffset() < 0 ? ""
          : " (at byte " + (Format.LENGTH_BYTES + location.getByteOffset()) + " of the file)";
      throw new SafetensorsFormatException(
          file + ": header cannot be parsed as JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    return new SafetensorsHeader(metadata, layout(tensors, dataBytes), dataOffset);
  }

  /** {@code __metadata__}: an object of strings, whose value the parser is at. */
  private Map<String, String> metadata(JsonParser parser) throws SafetensorsFormatException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw invalid(Format.METADATA + " is not an object of strings");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        throw invalid(Format.METADATA + " entry " + quote(key) + " is not a string");
      }
      if (metadata.put(key, parser.getString()) != null) {
        throw invalid(Format.METADATA + " names " + quote(key) + " twice");
      }
    }
    return Collections.unmodifiableMap(metadata);
  }

  /** A tensor's entry, whose value the parser is at: dtype, shape and data_offsets. */
  private TensorInfo tensor(JsonParser parser, String name) throws SafetensorsFormatException {
    String tensor = "tensor " + quote(name);
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw invalid(tensor + " is not an object with dtype, shape and data_offsets");
    }
    Dtype dtype = null;
    long[] shape = null;
    long[] offsets = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      boolean repeated;
      switch (field) {
        case "dtype":
          repeated = dtype != null;
          if (value != JsonToken.VALUE_STRING) {
            throw invalid(tensor + " has a dtype that is not a string");
          }
          dtype = Dtype.ofHeaderName(parser.getString());
          if (dtype == null) {
            throw invalid(tensor + " has dtype " + quote(parser.getString())
                + ", not one of the " + Arrays.toString(Dtype.values()) + " varscale reads");
          }
          break;
        case "shape":
          repeated = shape != null;
          shape = integers(parser, tensor + "'s shape");
          break;
        case "data_offsets":
          repeated = offsets != null;
          offsets = integers(parser, tensor + "'s data_offsets");
          if (offsets.length != 2) {
            throw invalid(tensor + "'s data_offsets are not [begin, end]: "
                + Arrays.toString(offsets));
          }
          break;
        default:
          // The reference reader ignores fields it does not know; so does this one.
          repeated = false;
          parser.skipChildren();
      }
      if (repeated) {
        throw invalid(tensor + " has " + field + " twice");
      }
    }
    if (dtype == null || shape == null || offsets == null) {
      throw invalid(tensor + " lacks " + (dtype == null ? "dtype" : shape == null ? "shape"
          : "data_offsets"));
    }
    long size = 1;
    long bytes;
    try {
      for (long dimension : shape) {
        size = Math.multiplyExact(size, dimension);
      }
      bytes = Math.multiplyExact(size, dtype.byteSize());
    } catch (ArithmeticException e) {
      throw invalid(tensor + " has shape " + Arrays.toString(shape)
          + ", whose size in bytes overflows a long");
    }
    long begin = offsets[0];
    long end = offsets[1];
    if (end < begin) {
      throw invalid(tensor + "'s data_offsets " + Arrays.toString(offsets)
          + " end before they begin");
    }
    if (end - begin != bytes) {
      throw invalid(tensor + " of dtype " + dtype + " and shape " + Arrays.toString(shape)
          + " takes " + bytes + " bytes, but its data_offsets " + Arrays.toString(offsets)
          + " hold " + (end - begin));
    }
    return new TensorInfo(name, dtype, shape, size, begin, end);
  }

  /** An array of integers from 0 to {@code Long.MAX_VALUE}, whose start the parser is at. */
  private long[] integers(JsonParser parser, String what) throws SafetensorsFormatException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw invalid(what + " are not an array of integers");
    }
    long[] values = new long[4];
    int count = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.VALUE_NUMBER_INT) {
        throw invalid(what + " hold " + parser.getString() + ", not an integer");
      }
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw invalid(what + " hold " + parser.getString() + ", more than a long can hold");
      }
      long value = parser.getLongValue();
      if (value < 0) {
        throw invalid(what + " hold " + value + ", a negative number");
      }
      if (count == values.length) {
        values = Arrays.copyOf(values, 2 * count);
      }
      values[count++] = value;
    }
    return Arrays.copyOf(values, count);
  }

  /**
   * The tensors in the order of their bytes, checked to tile the data exactly: the first begins
   * at 0, each begins where the one before ends, the last ends at the end of the file.
   */
  private List<TensorInfo> layout(List<TensorInfo> tensors, long dataBytes)
      throws SafetensorsFormatException {
    List<TensorInfo> sorted = new ArrayList<>(tensors);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    long end = 0;
    TensorInfo previous = null;
    for (TensorInfo tensor : sorted) {
      if (tensor.begin() < end) {
        throw invalid("tensor " + quote(tensor.name()) + " at bytes [" + tensor.begin() + ", "
            + tensor.end() + ") overlaps tensor " + quote(previous.name()) + " at ["
            + previous.begin() + ", " + previous.end() + ")");
      }
      if (tensor.begin() > end) {
        throw invalid("the data has a hole at bytes [" + end + ", " + tensor.begin()
            + "), before tensor " + quote(tensor.name()));
      }
      end = tensor.end();
      previous = tensor;
    }
    if (end > dataBytes) {
      throw invalid("tensor " + quote(previous.name()) + " ends at byte " + end
          + " of the data, past the end of the file, which holds " + dataBytes
          + " bytes of data");
    }
    if (end < dataBytes) {
      throw invalid("the file has " + (dataBytes - end) + " trailing bytes after its last tensor");
    }
    return List.copyOf(sorted);
  }

  private SafetensorsFormatException invalid(String problem) {
    return new SafetensorsFormatException(file + ": " + problem);
  }

  /** A name as a message shows it: in quotes, control characters escaped, long ones cut. */
  static String quote(String name) {
    StringBuilder text = new StringBuilder("\"");
    int shown = Math.min(name.length(), 200);
    for (int i = 0; i < shown; i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.append(shown < name.length() ? "...\"" : "\"").toString();
  }
}
