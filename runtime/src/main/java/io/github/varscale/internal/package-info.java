/**
 * What only the generated {@code <Model>Initializer}s call: the walk over a model's tensors and
 * parts that their {@code initialize}, {@code tensors} and {@code specs} share, and the static
 * description of each tensor field. Not for direct use: these types carry no compatibility
 * promise beyond the processor version that generates calls to them.
 */
package io.github.varscale.internal;
