package io.github.varscale.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void padsEachColumnToItsWidestCellAndAlignsAsAsked() {
    String table =
        new TextTable(TextTable.Column.left("name"), TextTable.Column.right("n"))
            .addRow("a", "1234")
            .addRow("longer", "5")
            .render();
    String nl = System.lineSeparator();
    assertEquals(
        "name       n" + nl + "a       1234" + nl + "longer     5" + nl, table);
  }

  @Test
  void aRowNeedsOneCellPerColumn() {
    TextTable table = new TextTable(TextTable.Column.left("a"), TextTable.Column.left("b"));
    assertThrows(IllegalArgumentException.class, () -> table.addRow("only one"));
  }

  @Test
  void trailingPaddingIsDropped() {
    String table =
        new TextTable(TextTable.Column.right("x"), TextTable.Column.left("label"))
            .addRow("1", "")
            .render();
    assertEquals("x  label" + System.lineSeparator() + "1" + System.lineSeparator(), table);
  }
}
