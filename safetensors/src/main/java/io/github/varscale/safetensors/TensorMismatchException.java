package io.github.varscale.safetensors;

import java.io.IOException;

/**
 * A valid safetensors file whose tensors are not the model's: a model tensor the file lacks, a
 * file tensor the model lacks, or a shape that differs. The message names the file and every
 * tensor at fault. When it is thrown, no tensor of the model has changed.
 */
public class TensorMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message which tensors differ and how, with the file's name
   */
  public TensorMismatchException(String message) {
    super(message);
  }
}
