package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.List;
import java.util.Objects;

/**
 * What the forward pass of an L-layer network returns.
 *
 * @param al     the output layer's activations A[L] (the predicted probabilities), shape (1, m)
 * @param caches one cache per layer, layer 1 first; copied into an unmodifiable list
 */
public record ForwardPass(Matrix al, List<LayerCache> caches) {
    /** Rejects missing parts and copies the caches. */
    public ForwardPass {
        Objects.requireNonNull(al, "al");
        caches = List.copyOf(caches);
    }
}
