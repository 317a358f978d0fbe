package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * What an activation step remembers for its backward step: its input.
 *
 * @param z the pre-activation Z, shape (n[l], m)
 */
public record ActivationCache(Matrix z) {
    /** Rejects a missing Z. */
    public ActivationCache {
        Objects.requireNonNull(z, "z");
    }
}
