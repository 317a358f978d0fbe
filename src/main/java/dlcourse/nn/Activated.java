package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * An activation's output together with the cache its backward step needs.
 *
 * @param a     the activations A = g(Z), shape (n[l], m)
 * @param cache Z
 */
public record Activated(Matrix a, ActivationCache cache) {
    /** Rejects missing parts. */
    public Activated {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(cache, "cache");
    }
}
