package io.github.varscale;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The arrays a sampler works in: a block of words and the list of a block's rejected elements.
 * They are borrowed from a small shared pool and given back, so that fills allocate nothing once
 * the pool is warm. A thread-local would not do: the common fork-join pool clears its workers'
 * thread-locals, so every parallel fill would allocate them again.
 */
final class Scratch {
  /** Enough for every thread of a busy machine; a fill that finds the pool empty allocates. */
  private static final AtomicReferenceArray<Scratch> POOL =
      new AtomicReferenceArray<>(4 * Runtime.getRuntime().availableProcessors() + 4);

  /** Words of a block: see {@link SplitMix64#words}. */
  final long[] words = new long[SplitMix64.BLOCK];

  /** Indices in a block of the elements whose word the ziggurat rejected. */
  final int[] rejected = new int[SplitMix64.BLOCK];

  private Scratch() {}

  /** A scratch for the caller's exclusive use until it {@link #release}s it. */
  static Scratch acquire() {
    for (int i = 0; i < POOL.length(); i++) {
      Scratch scratch = POOL.getAndSet(i, null);
      if (scratch != null) {
        return scratch;
      }
    }
    return new Scratch();
  }

  /** Gives the scratch back to the pool, or drops it if the pool is full. */
  void release() {
    for (int i = 0; i < POOL.length(); i++) {
      if (POOL.compareAndSet(i, null, this)) {
        return;
      }
    }
  }
}
