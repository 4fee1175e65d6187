package io.github.varscale.safetensors;

import java.io.IOException;

/**
 * A file that is not a valid safetensors file, or holds a type varscale does not read: a bad
 * header length, a header that is not a JSON object of tensor entries and string metadata, an
 * unknown dtype, offsets that overlap, leave holes or run past the end, sizes that do not match
 * the shapes, trailing bytes. The message names the file and says what is wrong.
 */
public class SafetensorsFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what is wrong, with the file's name
   */
  public SafetensorsFormatException(String message) {
    super(message);
  }

  /**
   * An exception with {@code message} and the exception that revealed the problem.
   *
   * @param message what is wrong, with the file's name
   * @param cause the JSON parser's exception, say
   */
  public SafetensorsFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
