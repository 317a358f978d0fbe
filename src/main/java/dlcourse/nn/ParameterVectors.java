package dlcourse.nn;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gradient-checking assignment's given helpers: a network's parameters (or gradients) laid out as one column
 * vector θ and back. The layout is the course's: layer by layer {@code W1}, {@code b1}, {@code W2}, {@code b2}, …,
 * each matrix in row-major order ({@code np.reshape(W, (-1, 1))}). Inputs are never modified.
 */
public final class ParameterVectors {

    private ParameterVectors() {
    }

    /**
     * A parameter vector and, for every entry, the key of the matrix it came from.
     *
     * @param theta shape (n, 1), n = the total number of parameters
     * @param keys  n keys, e.g. 20 times {@code W1} then 5 times {@code b1} (copied)
     */
    public record Flattened(Matrix theta, List<String> keys) {
        /** Copies the keys and checks there is one per entry. */
        public Flattened {
            Objects.requireNonNull(theta, "theta");
            keys = List.copyOf(keys);
            if (theta.cols() != 1 || theta.rows() != keys.size()) {
                throw new ShapeException("theta has shape " + theta.shape() + " but " + keys.size()
                        + " keys were given: expected (" + keys.size() + ", 1)");
            }
        }
    }

    /**
     * {@code dictionary_to_vector}: every parameter in one column, layer by layer W then b.
     *
     * @param parameters W1, b1, …, WL, bL (other keys are ignored)
     * @return θ of shape (n, 1) and the key of each entry
     */
    public static Flattened dictionaryToVector(Parameters parameters) {
        List<Matrix> parts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int l = 1; l <= requireLayers(parameters.layers(), parameters); l++) {
            for (String key : List.of("W" + l, "b" + l)) {
                Matrix value = parameters.get(key);
                parts.add(value.reshape(-1, 1));
                for (int i = 0; i < value.size(); i++) {
                    keys.add(key);
                }
            }
        }
        return new Flattened(Matrix.vstack(parts.toArray(Matrix[]::new)), keys);
    }

    /**
     * {@code vector_to_dictionary}: the inverse of {@link #dictionaryToVector}, with the shapes taken from a network
     * of the same architecture (the course hard-codes them for its (4, 3) example; this works for any net).
     *
     * @param theta  shape (n, 1)
     * @param shapes parameters whose W1, b1, …, WL, bL give the shapes (their values are not used)
     * @return new parameters W1, b1, …, WL, bL holding the entries of θ
     * @throws ShapeException if θ is not a column of exactly as many entries as {@code shapes} has
     */
    public static Parameters vectorToDictionary(Matrix theta, Parameters shapes) {
        int layers = requireLayers(shapes.layers(), shapes);
        int total = 0;
        for (int l = 1; l <= layers; l++) {
            total += shapes.weights(l).size() + shapes.bias(l).size();
        }
        if (theta.cols() != 1 || theta.rows() != total) {
            throw new ShapeException("theta has shape " + theta.shape() + " but these parameters need (" + total
                    + ", 1)");
        }
        Parameters.Builder builder = Parameters.builder();
        int at = 0;
        for (int l = 1; l <= layers; l++) {
            for (String key : List.of("W" + l, "b" + l)) {
                Matrix like = shapes.get(key);
                builder.put(key, theta.rows(at, at + like.size()).reshape(like.rows(), like.cols()));
                at += like.size();
            }
        }
        return builder.build();
    }

    /**
     * {@code gradients_to_vector}: the parameter gradients in one column, in the same layout as
     * {@link #dictionaryToVector} (dW1, db1, dW2, db2, …); {@code dZ} and {@code dA} entries are left out.
     *
     * @param gradients dW1, db1, …, dWL, dbL (other keys are ignored)
     * @return shape (n, 1)
     */
    public static Matrix gradientsToVector(Grads gradients) {
        List<Matrix> parts = new ArrayList<>();
        for (int l = 1; l <= requireLayers(gradients.layers(), gradients); l++) {
            parts.add(gradients.dW(l).reshape(-1, 1));
            parts.add(gradients.db(l).reshape(-1, 1));
        }
        return Matrix.vstack(parts.toArray(Matrix[]::new));
    }

    private static int requireLayers(int layers, NamedMatrices of) {
        if (layers == 0) {
            throw new IllegalArgumentException("no layers in " + of + ": expected W1 (or dW1) and the following");
        }
        return layers;
    }
}
