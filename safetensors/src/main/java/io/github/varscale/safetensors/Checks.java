package io.github.varscale.safetensors;

import io.github.varscale.TensorSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The argument checks the public methods share: each names the argument it refuses. */
final class Checks {
  private Checks() {}

  /**
   * A copy of {@code list}, which must not be null nor hold a null.
   *
   * @throws NullPointerException naming {@code argument}, or the element: {@code tensors[3]}
   */
  static <T> List<T> elements(List<T> list, String argument) {
    Objects.requireNonNull(list, argument);
    List<T> copy = new ArrayList<>(list.size());
    for (T element : list) {
      copy.add(Objects.requireNonNull(element, argument + "[" + copy.size() + "]"));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * Throws unless every tensor of {@code specs} can be named in a file: its path is not the
   * metadata's name and is no other tensor's, and its path and key are valid Unicode.
   *
   * @throws IllegalArgumentException naming {@code argument}'s elements at fault
   */
  static void requireFileNames(List<TensorSpec> specs, String argument) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      TensorSpec spec = specs.get(i);
      String element = argument + "[" + i + "]";
      if (spec.path().equals(Format.METADATA)) {
        throw new IllegalArgumentException(element + " has path " + Format.METADATA
            + ", the name safetensors keeps for the metadata");
      }
      Integer earlier = seen.putIfAbsent(spec.path(), i);
      if (earlier != null) {
        throw new IllegalArgumentException(argument + "[" + earlier + "] and " + element
            + " both have path " + spec.path() + "; a file names each tensor once");
      }
      requireUnicode(spec.path(), element + "'s path");
      requireUnicode(spec.key(), element + "'s key");
    }
  }

  /** Throws if {@code text} has a lone surrogate, which UTF-8 cannot encode. */
  private static void requireUnicode(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " " + HeaderReader.quote(text)
            + " has a lone surrogate at index " + i + ", which UTF-8 cannot encode");
      }
    }
  }
}
