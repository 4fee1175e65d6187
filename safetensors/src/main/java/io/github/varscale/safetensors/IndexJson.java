package io.github.varscale.safetensors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of a sharded checkpoint's {@code model.safetensors.index.json}, byte for byte what
 * Hugging Face's {@code save_pretrained} writes: Python's {@code json.dumps(index, indent=2,
 * sort_keys=True) + "\n"}. Written by hand rather than with Jackson's pretty printer, whose
 * spacing, key order and escapes (Python's {@code ensure_ascii} escapes every character outside
 * printable ASCII, in lowercase hex) would all need overriding to match.
 */
final class IndexJson {
  private IndexJson() {}

  /** The index of {@code weightMap} (tensor name to file name), {@code totalSize} data bytes. */
  static String of(Map<String, String> weightMap, long totalSize) {
    List<String> names = new ArrayList<>(weightMap.keySet());
    // Python sorts str by code point; String.compareTo, by UTF-16 unit, differs past U+FFFF.
    names.sort((a, b) -> compareCodePoints(a, b));
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"metadata\": {\n    \"total_size\": ").append(totalSize)
        .append("\n  },\n  \"weight_map\": {");
    for (int i = 0; i < names.size(); i++) {
      json.append(i == 0 ? "\n    " : ",\n    ");
      string(json, names.get(i));
      json.append(": ");
      string(json, weightMap.get(names.get(i)));
    }
    json.append(names.isEmpty() ? "}" : "\n  }").append("\n}\n");
    return json.toString();
  }

  /** {@code text} as Python's {@code json.dumps} writes it with {@code ensure_ascii}. */
  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\r':
          json.append("\\r");
          break;
        case '\t':
          json.append("\\t");
          break;
        case '\b':
          json.append("\\b");
          break;
        case '\f':
          json.append("\\f");
          break;
        default:
          if (c < 0x20 || c > 0x7E) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
      }
    }
    json.append('"');
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
