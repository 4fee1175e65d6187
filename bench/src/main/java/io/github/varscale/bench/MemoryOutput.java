package io.github.varscale.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;

/**
 * A file manager that keeps what javac writes (class files, and the sources a processor writes) in
 * memory and reads the rest through the standard one. {@link ProcessorCost} measures javac and
 * the processor, not the disk: on this machine's ext4 volume, creating and then deleting thousands
 * of small files per compilation cost as much as compiling them and made the timings depend on
 * the file system's background work.
 */
final class MemoryOutput extends ForwardingJavaFileManager<JavaFileManager> {

  private final List<Output> classFiles = new ArrayList<>();
  private final List<Output> sources = new ArrayList<>();

  MemoryOutput(JavaFileManager standard) {
    super(standard);
  }

  /** How many class files javac wrote. */
  int classFiles() {
    return classFiles.size();
  }

  /** How many sources a processor wrote. */
  int sources() {
    return sources.size();
  }

  /** What a processor wrote, each a source file's text. */
  List<String> sourceTexts() {
    List<String> texts = new ArrayList<>();
    for (Output source : sources) {
      texts.add(source.getCharContent(true).toString());
    }
    return texts;
  }

  @Override
  public JavaFileObject getJavaFileForOutput(
      Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
    Output file = new Output(className, kind);
    if (location == StandardLocation.SOURCE_OUTPUT) {
      sources.add(file);
    } else {
      classFiles.add(file);
    }
    return file;
  }

  @Override
  public boolean isSameFile(FileObject a, FileObject b) {
    // The standard manager refuses file objects it did not make; these are equal only if identical.
    return a instanceof Output || b instanceof Output ? a == b : super.isSameFile(a, b);
  }

  /** One written file; a source one can be read back, as javac does to compile it. */
  private static final class Output extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Output(String className, Kind kind) {
      super(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind);
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }

    @Override
    public Writer openWriter() {
      return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
