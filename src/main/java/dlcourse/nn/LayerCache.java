package dlcourse.nn;

import java.util.Objects;

/**
 * What one LINEAR→ACTIVATION layer remembers for its backward step.
 *
 * @param linear     the linear step's cache (A_prev, W, b)
 * @param activation the activation step's cache (Z)
 */
public record LayerCache(LinearCache linear, ActivationCache activation) {
    /** Rejects missing parts. */
    public LayerCache {
        Objects.requireNonNull(linear, "linear");
        Objects.requireNonNull(activation, "activation");
    }
}
