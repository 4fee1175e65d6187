package io.github.varscale.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;

/**
 * One diagnostic a compilation must report: its kind, its code or text, its file and its line (the
 * one line of the file containing {@code line}), and optionally its column (within the text
 * {@code caret} on that line), so that a test proves javac points at the attribute to blame. {@link
 * #assertExactly} holds a compilation to MapStruct's rule: the whole list, in order, warnings
 * included.
 *
 * @param text the message's code ({@code exact} false: the message starts with it and a space), or
 *     its whole text ({@code exact} true), or a part of javac's own message
 * @param generated instead of {@code file}, the path of a generated source ({@code p/Late.java})
 */
record Expected(Kind kind, String text, Match match, JavaFileObject file, String generated,
    String line, String caret) {

  enum Match {
    CODE,
    EXACT,
    CONTAINS
  }

  /** A varscale error with {@code message}'s code on the line containing {@code line}. */
  static Expected error(Message message, JavaFileObject file, String line) {
    return new Expected(Kind.ERROR, message.code() + " ", Match.CODE, file, null, line, null);
  }

  /** A varscale error in a source that another processor generated. */
  static Expected errorInGenerated(Message message, String path, String line) {
    return new Expected(Kind.ERROR, message.code() + " ", Match.CODE, null, path, line, null);
  }

  /** One of javac's own errors, whose message contains {@code text}. */
  static Expected javacError(String text, JavaFileObject file, String line) {
    return new Expected(Kind.ERROR, text, Match.CONTAINS, file, null, line, null);
  }

  /** A warning without position whose message contains {@code text}. */
  static Expected warning(String text) {
    return new Expected(Kind.WARNING, text, Match.CONTAINS, null, null, null, null);
  }

  /** The same, with exactly this message (code included). */
  Expected saying(String exactText) {
    return new Expected(kind, exactText, Match.EXACT, file, generated, line, caret);
  }

  /** The same, with the caret within the first {@code fragment} on the line. */
  Expected at(String fragment) {
    return new Expected(kind, text, match, file, generated, line, fragment);
  }

  /** The varscale code of this diagnostic, if it is one of varscale's. */
  String code() {
    return text.startsWith("[varscale:") ? text.substring(0, text.indexOf(']') + 1) : "";
  }

  /** Asserts that {@code compilation} reported exactly {@code expected}, in this order. */
  static void assertExactly(Compilation compilation, Expected... expected) {
    assertExactly(compilation.diagnostics(), expected);
  }

  static void assertExactly(
      List<? extends Diagnostic<? extends JavaFileObject>> actual, Expected... expected) {
    List<String> problems = new ArrayList<>();
    if (actual.size() != expected.length) {
      problems.add("expected " + expected.length + " diagnostics, found " + actual.size());
    }
    for (int i = 0; i < Math.min(actual.size(), expected.length); i++) {
      String mismatch = expected[i].mismatch(actual.get(i));
      if (mismatch != null) {
        problems.add("diagnostic " + i + ": " + mismatch);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems) + "\nfound:\n" + actual.stream()
          .map(Expected::describe)
          .collect(Collectors.joining("\n")));
    }
  }

  /** What is wrong with {@code d} as this diagnostic, or null. */
  private String mismatch(Diagnostic<? extends JavaFileObject> d) {
    String message = d.getMessage(Locale.ROOT);
    if (d.getKind() != kind) {
      return "kind " + d.getKind() + ", expected " + kind;
    }
    boolean textMatches = switch (match) {
      case CODE -> message.startsWith(text);
      case EXACT -> message.equals(text);
      case CONTAINS -> message.contains(text);
    };
    if (!textMatches) {
      return "message \"" + message + "\", expected " + match + " \"" + text + "\"";
    }
    if (file == null && generated == null) {
      return d.getSource() == null ? null : "a position, expected none";
    }
    boolean inFile = d.getSource() != null && (file != null
        ? d.getSource().toUri().equals(file.toUri())
        : d.getSource().toUri().getPath().endsWith("/" + generated));
    if (!inFile) {
      return "in " + (d.getSource() == null ? "no file" : d.getSource().toUri()) + ", expected "
          + (file != null ? file.toUri() : generated);
    }
    List<String> lines = lines(d.getSource());
    int index = lineIndex(lines);
    if (d.getLineNumber() != index + 1) {
      return "on line " + d.getLineNumber() + ", expected " + (index + 1) + ": " + lines.get(index);
    }
    if (caret != null) {
      // javac points at an expression's operator or its last name, not at its start.
      int start = lines.get(index).indexOf(caret) + 1;
      if (start == 0) {
        throw new IllegalArgumentException("no \"" + caret + "\" on line: " + lines.get(index));
      }
      long column = d.getColumnNumber();
      if (column < start || column >= start + caret.length()) {
        return "at column " + column + ", expected within \"" + caret + "\" at columns " + start
            + " to " + (start + caret.length() - 1);
      }
    }
    return null;
  }

  /** The index of the one line of the file that contains {@link #line}. */
  int lineIndex(List<String> lines) {
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(line)) {
        if (found >= 0) {
          throw new IllegalArgumentException("more than one line contains \"" + line + "\"");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("no line contains \"" + line + "\"");
    }
    return found;
  }

  static List<String> lines(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString().lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    return "  " + d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().getName())
        + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT);
  }

  @Override
  public String toString() {
    return kind + " " + text + " " + Objects.toString(line, "");
  }
}
