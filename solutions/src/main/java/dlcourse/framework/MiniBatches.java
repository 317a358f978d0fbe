package dlcourse.framework;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Given: the course's shuffled mini-batches. The examples are put in a random order drawn from a {@link RandomState}
 * seeded with {@code seed} (numpy's {@code np.random.seed(seed); np.random.permutation(m)}), then cut into batches
 * of {@code size} columns; the last batch holds the remainder when m is not a multiple of the size.
 */
public final class MiniBatches {

    /**
     * One mini-batch.
     *
     * @param x examples, shape (n_x, k)
     * @param y labels, shape (n_y, k)
     */
    public record Batch(Matrix x, Matrix y) {
        /** Rejects missing matrices. */
        public Batch {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }
    }

    private MiniBatches() {
    }

    /**
     * Shuffles the examples and cuts them into mini-batches.
     *
     * @param x    examples, shape (n_x, m)
     * @param y    labels, shape (n_y, m)
     * @param size examples per batch, at least 1
     * @param seed seeds the shuffle
     * @return ⌈m / size⌉ batches in order; together they hold every example once
     * @throws IllegalArgumentException when the size is below 1 or x and y disagree on m
     */
    public static List<Batch> random(Matrix x, Matrix y, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a mini-batch needs at least one example, not " + size);
        }
        if (x.cols() != y.cols()) {
            throw new IllegalArgumentException("x has " + x.cols() + " examples but y has " + y.cols());
        }
        int m = x.cols();
        int[] permutation = new RandomState(seed).permutation(m);
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < m; from += size) {
            int[] columns = Arrays.copyOfRange(permutation, from, Math.min(m, from + size));
            batches.add(new Batch(x.selectColumns(columns), y.selectColumns(columns)));
        }
        return batches;
    }
}
