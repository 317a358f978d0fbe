package dlcourse.grader.assignments;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.grader.check.CheckFailure;
import dlcourse.nn.Grads;
import dlcourse.nn.NamedMatrices;
import dlcourse.nn.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mockito.Mockito;

/**
 * Parameter and gradient maps in the catalogs of the course 2 assignments: a student's map read into named outputs
 * (a missing key fails the check instead of crashing the grader), maps rebuilt from fixtures, and seeded networks
 * for inputs.
 */
final class NetOutputs {

    private NetOutputs() {
    }

    /**
     * A spy that only answers stubs: it records no invocations (so it cannot be verified), which keeps thousands of
     * calls in a training loop cheap.
     */
    @SuppressWarnings("unchecked")
    static <T> T stubOnlySpy(T instance) {
        return (T) Mockito.mock(instance.getClass(), Mockito.withSettings().spiedInstance(instance)
                .defaultAnswer(Mockito.CALLS_REAL_METHODS).stubOnly());
    }

    /** {@code W1, b1, …, WL, bL}. */
    static List<String> parameterKeys(int layers) {
        List<String> keys = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            keys.add("W" + l);
            keys.add("b" + l);
        }
        return keys;
    }

    /** {@code dW3, db3, dW2, db2, dW1, db1}: the gradients of a three-layer net in the order backprop forms them. */
    static final List<String> GRADIENT_KEYS = List.of("dW3", "db3", "dW2", "db2", "dW1", "db1");

    /**
     * The entries under {@code keys}, in that order, as outputs; fails the check naming the first missing key, or
     * the first key that should not be there.
     *
     * @param map      what the student returned (checked for null)
     * @param keys     the keys the course's dictionary has
     * @param function the course name, for feedback
     * @param exact    whether other keys are a mistake too
     */
    static Map<String, Object> entries(NamedMatrices map, List<String> keys, String function, boolean exact) {
        Expect.returned(map, function, null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            if (!map.has(key)) {
                throw new CheckFailure(function + " returned no \"" + key + "\"; its keys are " + map.keys() + ".");
            }
            out.put(key, map.get(key));
        }
        if (exact) {
            for (String key : map.keys()) {
                if (!keys.contains(key)) {
                    throw new CheckFailure(function + " returned an unexpected \"" + key + "\"; the keys should be "
                            + keys + ".");
                }
            }
        }
        return out;
    }

    /** Parameters from a decoded fixture map (or from outputs keyed like one). */
    static Parameters parameters(Object decoded, List<String> keys) {
        Map<?, ?> map = (Map<?, ?>) decoded;
        Parameters.Builder builder = Parameters.builder();
        for (String key : keys) {
            builder.put(key, (Matrix) map.get(key));
        }
        return builder.build();
    }

    /** Gradients from a decoded fixture map. */
    static Grads grads(Object decoded) {
        Map<String, Matrix> entries = new LinkedHashMap<>();
        ((Map<?, ?>) decoded).forEach((key, value) -> entries.put((String) key, (Matrix) value));
        return Grads.of(entries);
    }

    /**
     * A random network for inputs: layer by layer {@code W = randn · scale}, {@code b = randn · biasScale} (biases
     * drawn too, so that a slip that touches them shows).
     */
    static Parameters randomNet(RandomState random, int[] dims, double scale, double biasScale) {
        Parameters.Builder builder = Parameters.builder();
        for (int l = 1; l < dims.length; l++) {
            builder.put("W" + l, random.randn(dims[l], dims[l - 1]).multiply(scale));
            builder.put("b" + l, random.randn(dims[l], 1).multiply(biasScale));
        }
        return builder.build();
    }

    /** Labels of 0/1, shape (1, m). */
    static Matrix labels(RandomState random, int m) {
        return random.rand(1, m).greaterThan(0.5);
    }

    /** A copy of a matrix (to prove later that an input was not modified). */
    static Matrix copy(Matrix m) {
        return Matrix.of(m.rows(), m.cols(), m.toArray());
    }

    /** Layer sizes from a decoded fixture list. */
    static int[] dims(Object decoded) {
        return ((List<?>) decoded).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    /** Layer sizes as a fixture list. */
    static List<Integer> dimsList(int... dims) {
        List<Integer> list = new ArrayList<>();
        for (int d : dims) {
            list.add(d);
        }
        return list;
    }
}
