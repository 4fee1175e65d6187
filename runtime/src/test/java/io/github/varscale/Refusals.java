package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/**
 * Assertions for API.md's argument rule: a null throws {@link NullPointerException} whose message
 * is the parameter's name; a bad value throws {@link IllegalArgumentException} naming the argument
 * and the value. Public for the tests of the internal package.
 */
public final class Refusals {
  private Refusals() {}

  /** {@code call} throws a {@link NullPointerException} whose message is {@code parameter}. */
  public static void assertNpe(String parameter, Executable call) {
    assertEquals(parameter, assertThrows(NullPointerException.class, call).getMessage());
  }

  /**
   * {@code call} throws an {@link IllegalArgumentException} whose message starts with {@code
   * argument} and contains every one of {@code fragments} (the value found, say).
   *
   * @return the message, for further checks
   */
  public static String assertRefused(String argument, Executable call, String... fragments) {
    String message = assertThrows(IllegalArgumentException.class, call).getMessage();
    assertTrue(message.startsWith(argument), () -> "expected to start with " + argument + ": "
        + message);
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), () -> "expected " + fragment + " in: " + message);
    }
    return message;
  }
}
