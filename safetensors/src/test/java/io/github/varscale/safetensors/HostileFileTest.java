package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.ModelTensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule of the format, broken alone: the file is refused with a {@link
 * SafetensorsFormatException} whose message names the file and says what is wrong.
 */
class HostileFileTest {
  @TempDir Path directory;

  private static final String W = "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

  /** A file of {@code length} as its header length, then {@code rest}. */
  private Path raw(long length, byte[] rest) throws IOException {
    ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix.array());
    out.writeBytes(rest);
    Path file = directory.resolve("hostile.safetensors");
    Files.write(file, out.toByteArray());
    return file;
  }

  /** A file of header {@code json}, its length right, then {@code dataBytes} zero bytes. */
  private Path file(String json, int dataBytes) throws IOException {
    return file(json.getBytes(StandardCharsets.UTF_8), dataBytes);
  }

  private Path file(byte[] json, int dataBytes) throws IOException {
    byte[] rest = new byte[json.length + dataBytes];
    System.arraycopy(json, 0, rest, 0, json.length);
    return raw(json.length, rest);
  }

  /** Asserts that the file is refused, and that the message names it and says {@code what}. */
  private void refused(Path file, String what) {
    SafetensorsFormatException e =
        assertThrows(SafetensorsFormatException.class, () -> Safetensors.readHeader(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(what), () -> "'" + what + "' not in: " + e.getMessage());
  }

  @Test
  void aFileShorterThanTheHeaderLength() throws IOException {
    Path file = directory.resolve("short.safetensors");
    Files.write(file, new byte[] {1, 0, 0});
    refused(file, "has 3 bytes, fewer than the 8 of the header length");
  }

  @Test
  void aHeaderLengthPastTheEndOfTheFile() throws IOException {
    refused(raw(1000, "{}".getBytes(StandardCharsets.US_ASCII)),
        "header length 1000 runs past the end of the file, which has 10 bytes");
  }

  @Test
  void aHeaderLengthOverTheLimitIsRefusedBeforeAnyAllocation() throws IOException {
    refused(raw(100_000_001, new byte[16]), "header length 100000001 is more than the 100000000");
    refused(raw(-1, new byte[16]), "header length 18446744073709551615 is more than");
  }

  @Test
  void aHeaderThatDoesNotStartWithABrace() throws IOException {
    refused(file(" {}", 0), "header does not start with '{'");
    refused(file("[]", 0), "header does not start with '{'");
    refused(raw(0, new byte[0]), "header does not start with '{'");
  }

  @Test
  void aHeaderThatIsNotUtf8() throws IOException {
    byte[] overlong = "{\"w\u0000\":{}}".getBytes(StandardCharsets.ISO_8859_1);
    overlong[3] = (byte) 0xC0; // C0 80, an overlong NUL, which Rust's from_utf8 refuses
    byte[] json = new byte[overlong.length + 1];
    System.arraycopy(overlong, 0, json, 0, 4);
    json[4] = (byte) 0x80;
    System.arraycopy(overlong, 4, json, 5, overlong.length - 4);
    refused(file(json, 0), "header is not valid UTF-8 at byte 11");
  }

  @Test
  void aHeaderThatIsNotJson() throws IOException {
    refused(file("{" + W, 8), "header cannot be parsed as JSON");
    refused(file("{\"w\" {}}", 0), "header cannot be parsed as JSON");
    refused(file("{'w':{}}", 0), "header cannot be parsed as JSON");
  }

  @Test
  void moreAfterTheHeadersObject() throws IOException {
    refused(file("{" + W + "} {}", 8), "header has more after its object than spaces");
    refused(file("{" + W + "}\u0000", 8), "header cannot be parsed as JSON");
  }

  @Test
  void anEntryThatIsNotAnObject() throws IOException {
    refused(file("{\"w\":[1,2]}", 0),
        "tensor \"w\" is not an object with dtype, shape and data_offsets");
  }

  @Test
  void metadataThatIsNotAnObjectOfStrings() throws IOException {
    refused(file("{\"__metadata__\":{\"a\":1}}", 0), "__metadata__ entry \"a\" is not a string");
    refused(file("{\"__metadata__\":{\"a\":{\"b\":\"c\"}}}", 0),
        "__metadata__ entry \"a\" is not a string");
    refused(file("{\"__metadata__\":null}", 0), "__metadata__ is not an object of strings");
    refused(file("{\"__metadata__\":[\"a\"]}", 0), "__metadata__ is not an object of strings");
  }

  @Test
  void anUnknownOrInvalidDtype() throws IOException {
    refused(file("{\"w\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\" has dtype \"I64\", not one of the [F32, F64, F16, BF16] varscale reads");
    refused(file("{\"w\":{\"dtype\":\"f32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8),
        "has dtype \"f32\"");
    refused(file("{\"w\":{\"dtype\":4,\"shape\":[2],\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\" has a dtype that is not a string");
  }

  @Test
  void aMissingOrRepeatedField() throws IOException {
    refused(file("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\" lacks shape");
    refused(file("{\"w\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "tensor \"w\" lacks dtype");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8), "lacks data_offsets");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"shape\":[2],"
        + "\"data_offsets\":[0,8]}}", 8), "tensor \"w\" has shape twice");
  }

  @Test
  void unknownFieldsAreSkippedAsTheReferenceReaderSkipsThem() throws IOException {
    Path file = file("{\"w\":{\"dtype\":\"F32\",\"extra\":{\"a\":[1,{}]},\"shape\":[2],"
        + "\"data_offsets\":[0,8]}}", 8);
    assertEquals(8, Safetensors.readHeader(file).tensors().get(0).end());
    StringBuilder deep = new StringBuilder("{\"w\":{\"extra\":");
    deep.append("[".repeat(1000)).append("]".repeat(1000)).append("}}");
    refused(file(deep.toString(), 0), "header cannot be parsed as JSON");
  }

  @Test
  void shapesThatAreNotArraysOfNaturalNumbers() throws IOException {
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\"'s shape are not an array of integers");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\"'s shape hold 2.0, not an integer");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\"'s shape hold 2, not an integer");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\"'s shape hold -2, a negative number");
  }

  @Test
  void aShapeWhoseSizeOverflows() throws IOException {
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],"
        + "\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\" has shape [4294967296, 4294967296], whose size in bytes overflows a long");
    refused(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[2305843009213693952],"
        + "\"data_offsets\":[0,8]}}", 8), "whose size in bytes overflows a long");
  }

  @Test
  void offsetsThatAreNotTwoNaturalNumbers() throws IOException {
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8,16]}}", 8),
        "tensor \"w\"'s data_offsets are not [begin, end]: [0, 8, 16]");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}}", 8),
        "tensor \"w\"'s data_offsets hold -8, a negative number");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],"
        + "\"data_offsets\":[0,18446744073709551615]}}", 8),
        "data_offsets hold 18446744073709551615, more than a long can hold");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],"
        + "\"data_offsets\":[0,100000000000000000000]}}", 8), "header cannot be parsed as JSON");
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}", 8),
        "tensor \"w\"'s data_offsets [8, 0] end before they begin");
  }

  @Test
  void offsetsThatDoNotHoldTheShape() throws IOException {
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8),
        "tensor \"w\" of dtype F32 and shape [3] takes 12 bytes, but its data_offsets [0, 8]"
            + " hold 8");
  }

  @Test
  void tensorsThatOverlap() throws IOException {
    refused(file("{" + W + ",\"v\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
        "tensor \"v\" at bytes [4, 8) overlaps tensor \"w\" at [0, 8)");
    refused(file("{" + W + ",\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8),
        "overlaps tensor");
  }

  @Test
  void tensorsThatLeaveHoles() throws IOException {
    refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
        "the data has a hole at bytes [0, 4), before tensor \"w\"");
    refused(file("{" + W + ",\"v\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}",
        16), "the data has a hole at bytes [8, 12), before tensor \"v\"");
  }

  @Test
  void dataThatRunsPastTheEndOfTheFile() throws IOException {
    refused(file("{" + W + "}", 7),
        "tensor \"w\" ends at byte 8 of the data, past the end of the file, which holds 7 bytes"
            + " of data");
  }

  @Test
  void trailingBytes() throws IOException {
    refused(file("{" + W + "}", 9), "the file has 1 trailing bytes after its last tensor");
    refused(file("{}", 1), "the file has 1 trailing bytes after its last tensor");
  }

  @Test
  void duplicateNames() throws IOException {
    refused(file("{" + W + "," + W + "}", 8), "the header names \"w\" twice");
    refused(file("{\"__metadata__\":{},\"__metadata__\":{}}", 0),
        "the header names \"__metadata__\" twice");
    refused(file("{\"__metadata__\":{\"a\":\"1\",\"a\":\"2\"}}", 0),
        "__metadata__ names \"a\" twice");
  }

  @Test
  void namesInMessagesAreQuotedEscapedAndCut() throws IOException {
    String name = "w\n" + "x".repeat(300);
    refused(file("{\"" + name.replace("\n", "\\n") + "\":1}", 0),
        "tensor \"w\\u000a" + "x".repeat(198) + "...\" is not an object");
  }

  @Test
  void aRefusedFileChangesNoTensor() throws IOException {
    List<ModelTensor> tensors = Fixtures.flat(List.of(
        Fixtures.spec("w", float.class, Fixtures.HE_NORMAL, "HeNormal", 2)));
    Fixtures.fill(tensors, 7);
    Path file = file("{" + W + "}", 9);
    assertThrows(SafetensorsFormatException.class, () -> Safetensors.read(file, tensors));
    assertArrayEquals(new float[] {7, 7}, (float[]) tensors.get(0).array());
  }

  @Test
  void aValidFileOfAnotherWriterIsRead() throws IOException {
    // Tensors out of order, zero-size ones, metadata anywhere, JSON whitespace: all valid.
    Path file = file("{ \"v\" : {\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[8,10]},\n"
        + "\"e\":{\"dtype\":\"F64\",\"shape\":[0,3],\"data_offsets\":[8,8]}, " + W
        + ", \"__metadata__\":{\"format\":\"pt\"}}\t\n ", 10);
    SafetensorsHeader header = Safetensors.readHeader(file);
    assertEquals(List.of("w", "e", "v"), header.tensors().stream().map(TensorInfo::name).toList());
    assertEquals("pt", header.metadata().get("format"));
    assertEquals(0, header.tensor("e").orElseThrow().size());
  }
}
