package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The field table is cut into string constants that the runtime joins again: whole lines where
 * they fit, otherwise inside a line at a place a text block keeps as it is.
 */
class TableChunksTest {

  @Test
  void wholeLinesWhereTheyFit() {
    String table = "w1 | a\nw2 | bb\nw3 | ccc\n";
    assertThat(InitializerWriter.tableChunks(table, 16))
        .containsExactly("w1 | a\nw2 | bb\n", "w3 | ccc\n").inOrder();
    assertThat(InitializerWriter.tableChunks(table, 1_000)).containsExactly(table);
    assertThat(InitializerWriter.tableChunks("", 16)).containsExactly("");
  }

  /**
   * Never next to a space (stripped at a text block's line end), after a quote or in a pair; from
   * 16 bytes on (a constant takes 65,534) every window of such a line holds such a place.
   */
  @Test
  void aLineLongerThanAConstantIsCutWhereATextBlockKeepsEveryCharacter() {
    String line = "w | float | [1, 1, 1, 1, 1, 1, 1, 1] | {\"dModel\", \"4 * dModel\"} | \uD83D\uDE00x\n";
    for (int max = 16; max <= line.length(); max++) {
      List<String> chunks = InitializerWriter.tableChunks(line + "v | x\n", max);
      assertThat(String.join("", chunks)).isEqualTo(line + "v | x\n");
      for (String chunk : chunks.subList(0, chunks.size() - 1)) {
        assertThat(chunk.getBytes(StandardCharsets.UTF_8).length).isAtMost(max);
        char last = chunk.charAt(chunk.length() - 1);
        if (last != '\n') {
          assertThat(Character.isWhitespace(last)).isFalse();
          assertThat(last).isNotEqualTo('"');
          assertThat(Character.isHighSurrogate(last)).isFalse();
        }
      }
      for (String chunk : chunks) {
        assertThat(Character.isWhitespace(chunk.charAt(0)) && chunk.charAt(0) != '\n').isFalse();
      }
    }
  }
}
