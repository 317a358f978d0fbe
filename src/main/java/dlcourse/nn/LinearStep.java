package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * What a linear step returns: its output and what its backward step will need.
 *
 * @param z     the pre-activation Z = W·A_prev + b, shape (n[l], m)
 * @param cache A_prev, W and b, as they were given
 */
public record LinearStep(Matrix z, LinearCache cache) {
    /** Rejects missing parts. */
    public LinearStep {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(cache, "cache");
    }
}
