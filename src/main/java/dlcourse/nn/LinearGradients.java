package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * The gradients one layer's backward step produces.
 *
 * @param dAPrev dJ/dA_prev, the gradient handed to the previous layer, shape (n[l-1], m)
 * @param dW     dJ/dW, shape (n[l], n[l-1])
 * @param db     dJ/db, shape (n[l], 1)
 */
public record LinearGradients(Matrix dAPrev, Matrix dW, Matrix db) {
    /** Rejects missing parts. */
    public LinearGradients {
        Objects.requireNonNull(dAPrev, "dAPrev");
        Objects.requireNonNull(dW, "dW");
        Objects.requireNonNull(db, "db");
    }
}
