package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * What a linear step remembers for its backward step.
 *
 * @param aPrev the previous layer's activations, shape (n[l-1], m)
 * @param w     the layer's weights, shape (n[l], n[l-1])
 * @param b     the layer's bias, shape (n[l], 1)
 */
public record LinearCache(Matrix aPrev, Matrix w, Matrix b) {
    /** Rejects missing parts. */
    public LinearCache {
        Objects.requireNonNull(aPrev, "aPrev");
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(b, "b");
    }
}
