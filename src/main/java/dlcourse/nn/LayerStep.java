package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * What one LINEAR→ACTIVATION layer returns: its activations and the cache of both steps.
 *
 * @param a     the layer's activations A = g(W·A_prev + b), shape (n[l], m)
 * @param cache the linear step's cache (A_prev, W, b) and the activation step's cache (Z)
 */
public record LayerStep(Matrix a, LayerCache cache) {
    /** Rejects missing parts. */
    public LayerStep {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(cache, "cache");
    }
}
