/**
 * The numeric core: {@link dlcourse.core.Matrix} (numpy's 2-D array), {@link dlcourse.core.Tensor} (N-D image
 * batches), {@link dlcourse.core.RandomState} (numpy's legacy random generator, bit for bit) and their errors.
 *
 * <p>Package policies: matrices hold one example per column, (features, m); values are immutable through the
 * public API; {@code null} is never accepted or returned; shape errors use numpy's wording. The SIMD kernels
 * (Vector API) are package-private, each with a scalar twin selected by {@code -Ddlcourse.simd=false}.
 */
package dlcourse.core;
