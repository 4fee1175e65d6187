package io.github.varscale.safetensors;

import io.github.varscale.TensorSpec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes files of tensors in one dtype, their values taken in slices from a {@link Values}, with
 * bounded memory whatever their size: while the calling thread converts the next slices into one
 * buffer (after a fill from the sampler, which may run on several threads), a writer thread writes
 * the one before. One writer can write several files in turn, reusing its buffers and thread. Each
 * file is written through {@link AtomicFile}.
 */
final class TensorFileWriter implements AutoCloseable {
  /**
   * The bytes of one buffer: large enough that a fill of it runs in parallel and a write costs
   * one system call per 8 MiB, small enough that memory stays a few tens of MiB.
   */
  static final int BUFFER_BYTES = 8 << 20;

  /** Two buffers: one being filled while the other is written. */
  private static final int BUFFERS = 2;

  /** Where a file's values come from: a model's arrays, or the sampler. */
  interface Values {
    /** Writes elements {@code [first, first + count)} of float tensor {@code tensor} to dst. */
    void get(int tensor, long first, float[] dst, int count);

    /** As {@link #get(int, long, float[], int)}, for a double tensor. */
    void get(int tensor, long first, double[] dst, int count);

    /**
     * The {@code float[]} or {@code double[]} that holds tensor {@code tensor} flat, to encode
     * from without a copy; or null.
     */
    Object flat(int tensor);
  }

  private final Dtype dtype;
  private final int bufferBytes;
  private final Encoder encoder;
  private final ByteBuffer[] buffers = new ByteBuffer[BUFFERS];
  private final Future<?>[] pending = new Future<?>[BUFFERS];
  private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "varscale-safetensors-writer");
    thread.setDaemon(true);
    return thread;
  });
  private float[] floats;
  private double[] doubles;

  /**
   * A writer of {@code dtype} files whose data takes at most {@code largestData} bytes, with
   * buffers of {@code bufferBytes} or less.
   */
  TensorFileWriter(Dtype dtype, long largestData, int bufferBytes) {
    this.dtype = dtype;
    this.bufferBytes = Format.bufferBytes(largestData, bufferBytes);
    this.encoder = new Encoder(dtype);
  }

  /**
   * Writes {@code file}: {@code header} (see {@link HeaderWriter#header}), then the values of
   * {@code specs} in order; see {@link AtomicFile}.
   */
  void write(Path file, byte[] header, List<TensorSpec> specs, Values values) throws IOException {
    AtomicFile.write(file, channel -> {
      try {
        writeFully(channel, ByteBuffer.wrap(header));
        writeData(channel, specs, values);
      } finally {
        awaitWrites(); // the channel must outlive every write submitted to it
      }
    });
  }

  private void writeData(FileChannel channel, List<TensorSpec> specs, Values values)
      throws IOException {
    int slot = 0;
    ByteBuffer buffer = null;
    for (int t = 0; t < specs.size(); t++) {
      TensorSpec spec = specs.get(t);
      Object flat = values.flat(t);
      long size = spec.size();
      for (long done = 0; done < size; ) {
        if (buffer == null) {
          buffer = emptyBuffer(slot);
        }
        int count = (int) Math.min(size - done, buffer.remaining() / dtype.byteSize());
        encode(values, t, spec, flat, done, count, buffer);
        done += count;
        if (!buffer.hasRemaining()) {
          submit(channel, slot);
          slot = (slot + 1) % BUFFERS;
          buffer = null;
        }
      }
    }
    if (buffer != null && buffer.position() > 0) {
      submit(channel, slot);
    }
    for (int s = 0; s < BUFFERS; s++) {
      await(s);
    }
  }

  private void encode(
      Values values, int t, TensorSpec spec, Object flat, long first, int count, ByteBuffer dst) {
    if (flat instanceof float[]) {
      encoder.put((float[]) flat, (int) first, count, dst);
    } else if (flat instanceof double[]) {
      encoder.put((double[]) flat, (int) first, count, dst);
    } else if (spec.elementType() == float.class) {
      if (floats == null) {
        floats = new float[bufferBytes / dtype.byteSize()];
      }
      values.get(t, first, floats, count);
      encoder.put(floats, 0, count, dst);
    } else {
      if (doubles == null) {
        doubles = new double[bufferBytes / dtype.byteSize()];
      }
      values.get(t, first, doubles, count);
      encoder.put(doubles, 0, count, dst);
    }
  }

  /** Buffer {@code slot}, cleared, once the writer thread has written what it held. */
  private ByteBuffer emptyBuffer(int slot) throws IOException {
    await(slot);
    if (buffers[slot] == null) {
      buffers[slot] = ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
    }
    return buffers[slot].clear();
  }

  /** Hands buffer {@code slot}, filled, to the writer thread. */
  private void submit(FileChannel channel, int slot) {
    ByteBuffer buffer = buffers[slot].flip();
    pending[slot] = writer.submit(() -> {
      writeFully(channel, buffer);
      return null;
    });
  }

  /** Waits until buffer {@code slot} is written, and rethrows what failed writing it. */
  private void await(int slot) throws IOException {
    Future<?> write = pending[slot];
    if (write == null) {
      return;
    }
    pending[slot] = null;
    try {
      write.get();
    } catch (InterruptedException e) {
      awaitWrites(); // the channel must outlive the writes already submitted
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing a safetensors file");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IOException(cause);
    }
  }

  /** Waits until every submitted write is done, whatever its outcome, even if interrupted. */
  private void awaitWrites() {
    boolean interrupted = false;
    for (int slot = 0; slot < BUFFERS; slot++) {
      Future<?> write = pending[slot];
      pending[slot] = null;
      while (write != null) {
        try {
          write.get();
          write = null;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          write = null; // reported by await, or superseded by the failure being handled
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes all of {@code buffer}: one {@code write} may write only part of it. */
  static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Stops the writer thread. */
  @Override
  public void close() {
    writer.shutdown();
  }
}
