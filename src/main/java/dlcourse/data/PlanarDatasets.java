package dlcourse.data;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * The course's generated two-dimensional datasets: the planar "flower", and scikit-learn's circles, moons,
 * blobs and gaussian quantiles, reproduced draw for draw.
 *
 * <p>Each generator takes the {@link RandomState} it draws from and consumes that stream exactly as the
 * numpy / scikit-learn original does, so the same seed gives the same points. scikit-learn's generators share
 * one recipe: build the points in a fixed order, shuffle the rows once (a {@link RandomState#permutation(int)}
 * of {@code 0 .. n-1}), then add noise drawn row-major {@code (x0, y0, x1, y1, ...)}. The convenience methods
 * without a generator seed one as the course does.
 *
 * <p>Everything is returned in the course's layout: inputs of shape (2, m), labels of shape (1, m) holding
 * {@code 0.0, 1.0, ...}. Coordinates go through {@link Math#sin} and {@link Math#cos}, which may differ from
 * the C library numpy uses in the last bit.
 */
public final class PlanarDatasets {

    /** Seed of the flower, set by the course's {@code load_planar_dataset}. */
    public static final long FLOWER_SEED = 1;
    /** Seed of the initialization assignment's training circles. */
    public static final long INITIALIZATION_TRAIN_SEED = 1;
    /** Seed of the initialization assignment's test circles. */
    public static final long INITIALIZATION_TEST_SEED = 2;
    /** Seed of the optimization assignment's moons. */
    public static final long OPTIMIZATION_SEED = 3;
    /** The {@code random_state} the planar assignment passes to {@code make_blobs}. */
    public static final long BLOBS_SEED = 5;
    /**
     * Seed of {@link #extraPlanar()}. The course draws these datasets from whatever state numpy's global
     * generator has reached; the reference values fix it to this seed.
     */
    public static final long EXTRA_PLANAR_SEED = 7;

    /** Default {@code factor} of {@code make_circles}: the inner circle's radius. */
    public static final double DEFAULT_CIRCLES_FACTOR = 0.8;

    private static final int FLOWER_POINTS_PER_CLASS = 200;
    private static final int FLOWER_CLASSES = 2;
    /** Angle span of one class of the flower, in radians. */
    private static final double FLOWER_ANGLE_SPAN = 3.12;
    /** The course's {@code a}, the longest petal. */
    private static final double FLOWER_PETAL_LENGTH = 4.0;
    /** Petal frequency: the radius is {@code a sin(4 t)}. */
    private static final double FLOWER_PETAL_FREQUENCY = 4.0;
    /** Standard deviation of the noise on the angle and on the radius. */
    private static final double FLOWER_NOISE = 0.2;

    private static final int INITIALIZATION_TRAIN_SIZE = 300;
    private static final int INITIALIZATION_TEST_SIZE = 100;
    private static final double INITIALIZATION_NOISE = 0.05;
    private static final int OPTIMIZATION_SIZE = 300;
    private static final double OPTIMIZATION_NOISE = 0.2;

    private static final int BLOBS_SIZE = 200;
    private static final int BLOBS_CENTRES = 6;
    /** {@code make_blobs}' default {@code center_box}. */
    private static final double BLOBS_BOX_LOW = -10.0;
    private static final double BLOBS_BOX_HIGH = 10.0;
    /** {@code make_blobs}' default {@code cluster_std}. */
    private static final double BLOBS_STD = 1.0;
    /** The planar assignment folds the six blob labels into two classes with {@code Y % 2}. */
    private static final int BLOBS_FOLDED_CLASSES = 2;

    private static final int EXTRA_SIZE = 200;
    private static final double EXTRA_CIRCLES_FACTOR = 0.5;
    private static final double EXTRA_CIRCLES_NOISE = 0.3;
    private static final double EXTRA_MOONS_NOISE = 0.2;
    private static final double EXTRA_QUANTILES_COV = 0.5;

    /** Every generated set here is planar. */
    private static final int FEATURES = 2;
    /** scikit-learn's moons: the inner moon is shifted down by this much. */
    private static final double MOON_SHIFT = 0.5;

    private PlanarDatasets() {
    }

    /**
     * A training set and a test set.
     *
     * @param train the training examples
     * @param test  the test examples
     */
    public record TrainTest(LabeledData train, LabeledData test) {

        /** Rejects nulls. */
        public TrainTest {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
        }
    }

    /**
     * The course's "no structure" dataset: two independent uniform draws, with no relation between them.
     * The course returns the second where other datasets have labels, but it is not a label vector.
     *
     * @param x the first draw, shape (2, n): the transpose of the course's {@code rand(n, 2)}
     * @param y the second draw, shape (2, n): the transpose of the course's second {@code rand(n, 2)}
     */
    public record NoStructure(Matrix x, Matrix y) {

        /** Rejects nulls. */
        public NoStructure {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }
    }

    /**
     * The extra datasets of the planar assignment that share one generator, in the order they are drawn.
     *
     * @param noisyCircles      circles, 200 points, factor 0.5, noise 0.3
     * @param noisyMoons        moons, 200 points, noise 0.2
     * @param gaussianQuantiles gaussian quantiles, 200 points, cov 0.5
     * @param noStructure       two uniform draws of 200 points
     */
    public record ExtraPlanar(LabeledData noisyCircles, LabeledData noisyMoons, LabeledData gaussianQuantiles,
                              NoStructure noStructure) {

        /** Rejects nulls. */
        public ExtraPlanar {
            Objects.requireNonNull(noisyCircles, "noisyCircles");
            Objects.requireNonNull(noisyMoons, "noisyMoons");
            Objects.requireNonNull(gaussianQuantiles, "gaussianQuantiles");
            Objects.requireNonNull(noStructure, "noStructure");
        }
    }

    /**
     * The planar assignment's flower, seeded with {@link #FLOWER_SEED} as the course does.
     *
     * @return X of shape (2, 400), Y of shape (1, 400): 200 points of class 0, then 200 of class 1
     */
    public static LabeledData flower() {
        return flower(new RandomState(FLOWER_SEED));
    }

    /**
     * The flower drawn from {@code random}. For class {@code j = 0, 1}: angles
     * {@code t = linspace(3.12 j, 3.12 (j + 1), 200) + 0.2 randn(200)}, radii
     * {@code r = 4 sin(4 t) + 0.2 randn(200)}, points {@code (r sin t, r cos t)}. Draws 800 normals.
     *
     * @param random the generator to draw from; advanced
     * @return X of shape (2, 400), Y of shape (1, 400): 200 points of class 0, then 200 of class 1
     */
    public static LabeledData flower(RandomState random) {
        int m = FLOWER_POINTS_PER_CLASS * FLOWER_CLASSES;
        double[] x = new double[FEATURES * m];
        double[] y = new double[m];
        for (int j = 0; j < FLOWER_CLASSES; j++) {
            double[] t = linspace(j * FLOWER_ANGLE_SPAN, (j + 1) * FLOWER_ANGLE_SPAN, FLOWER_POINTS_PER_CLASS, true);
            double[] angleNoise = random.randn(FLOWER_POINTS_PER_CLASS);
            for (int i = 0; i < t.length; i++) {
                t[i] += angleNoise[i] * FLOWER_NOISE;
            }
            double[] radiusNoise = random.randn(FLOWER_POINTS_PER_CLASS);
            for (int i = 0; i < t.length; i++) {
                double r = FLOWER_PETAL_LENGTH * Math.sin(FLOWER_PETAL_FREQUENCY * t[i]) + radiusNoise[i] * FLOWER_NOISE;
                int column = j * FLOWER_POINTS_PER_CLASS + i;
                x[column] = r * Math.sin(t[i]);
                x[m + column] = r * Math.cos(t[i]);
                y[column] = j;
            }
        }
        return labeled(x, y);
    }

    /**
     * The initialization assignment's circles: 300 training points seeded with
     * {@link #INITIALIZATION_TRAIN_SEED}, then 100 test points seeded with {@link #INITIALIZATION_TEST_SEED},
     * both with noise 0.05 and factor 0.8.
     *
     * @return train X (2, 300), Y (1, 300); test X (2, 100), Y (1, 100)
     */
    public static TrainTest initializationCircles() {
        LabeledData train = circles(new RandomState(INITIALIZATION_TRAIN_SEED), INITIALIZATION_TRAIN_SIZE,
                INITIALIZATION_NOISE, DEFAULT_CIRCLES_FACTOR);
        LabeledData test = circles(new RandomState(INITIALIZATION_TEST_SEED), INITIALIZATION_TEST_SIZE,
                INITIALIZATION_NOISE, DEFAULT_CIRCLES_FACTOR);
        return new TrainTest(train, test);
    }

    /**
     * The optimization assignment's moons: 300 points with noise 0.2, seeded with {@link #OPTIMIZATION_SEED}.
     *
     * @return X of shape (2, 300), Y of shape (1, 300)
     */
    public static LabeledData optimizationMoons() {
        return moons(new RandomState(OPTIMIZATION_SEED), OPTIMIZATION_SIZE, OPTIMIZATION_NOISE);
    }

    /**
     * scikit-learn's {@code make_circles(n, noise=noise, factor=factor)}: {@code n / 2} (rounded down) points
     * on the unit circle at angles {@code 2 pi i / n_out}, label 0, then the other points on the circle of
     * radius {@code factor}, label 1; shuffled; plus noise. Consumes a permutation of {@code n} and
     * {@code 2n} normals.
     *
     * @param random the generator to draw from; advanced
     * @param n      number of points, {@code >= 1}
     * @param noise  standard deviation of the gaussian noise on each coordinate, {@code >= 0}; the noise is
     *               drawn even when it is 0, as scikit-learn does for {@code noise=0.0}
     * @param factor radius of the inner circle, {@code 0 <= factor < 1}
     * @return X of shape (2, n), Y of shape (1, n)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static LabeledData circles(RandomState random, int n, double noise, double factor) {
        requirePositive(n);
        requireNoise(noise);
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("'factor' has to be between 0 and 1 (was " + factor + ")");
        }
        int outer = n / 2;
        double[][] points = newPoints(n);
        double[] outerAngles = linspace(0, 2 * Math.PI, outer, false);
        double[] innerAngles = linspace(0, 2 * Math.PI, n - outer, false);
        for (int i = 0; i < outer; i++) {
            setPoint(points, i, Math.cos(outerAngles[i]), Math.sin(outerAngles[i]), 0);
        }
        for (int i = 0; i < innerAngles.length; i++) {
            setPoint(points, outer + i, Math.cos(innerAngles[i]) * factor, Math.sin(innerAngles[i]) * factor, 1);
        }
        return shuffleAndAddNoise(random, points, noise);
    }

    /**
     * scikit-learn's {@code make_moons(n, noise=noise)}: {@code n / 2} (rounded down) points
     * {@code (cos s, sin s)}, label 0, then the others at {@code (1 - cos s, 1 - sin s - 0.5)}, label 1, with
     * {@code s = linspace(0, pi, count)} including the end point; shuffled; plus noise. Consumes a permutation
     * of {@code n} and {@code 2n} normals.
     *
     * @param random the generator to draw from; advanced
     * @param n      number of points, {@code >= 1}
     * @param noise  standard deviation of the gaussian noise on each coordinate, {@code >= 0}; the noise is
     *               drawn even when it is 0, as scikit-learn does for {@code noise=0.0}
     * @return X of shape (2, n), Y of shape (1, n)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static LabeledData moons(RandomState random, int n, double noise) {
        requirePositive(n);
        requireNoise(noise);
        int outer = n / 2;
        double[][] points = newPoints(n);
        double[] outerAngles = linspace(0, Math.PI, outer, true);
        double[] innerAngles = linspace(0, Math.PI, n - outer, true);
        for (int i = 0; i < outer; i++) {
            setPoint(points, i, Math.cos(outerAngles[i]), Math.sin(outerAngles[i]), 0);
        }
        for (int i = 0; i < innerAngles.length; i++) {
            setPoint(points, outer + i, 1 - Math.cos(innerAngles[i]), 1 - Math.sin(innerAngles[i]) - MOON_SHIFT, 1);
        }
        return shuffleAndAddNoise(random, points, noise);
    }

    /**
     * The planar assignment's blobs, {@code make_blobs(n_samples=200, centers=6, random_state=5)}, with the six
     * cluster indices as labels.
     *
     * @return X of shape (2, 200), Y of shape (1, 200) with labels {@code 0 .. 5}
     */
    public static LabeledData blobs() {
        return blobs(new RandomState(BLOBS_SEED), BLOBS_SIZE, BLOBS_CENTRES);
    }

    /**
     * The blobs as the planar assignment trains on them: {@link #blobs()} with every label replaced by
     * {@code label % 2}.
     *
     * @return X of shape (2, 200), Y of shape (1, 200) with labels 0 and 1
     */
    public static LabeledData blobsMod2() {
        LabeledData blobs = blobs();
        double[] labels = blobs.y().toArray();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labels[i] % BLOBS_FOLDED_CLASSES;
        }
        return new LabeledData(blobs.x(), Matrix.of(1, labels.length, labels));
    }

    /**
     * scikit-learn's {@code make_blobs(n, centers=centres)} with the default box (-10, 10) and standard
     * deviation 1: centres {@code uniform(-10, 10, (centres, 2))}; cluster {@code i} gets {@code n / centres}
     * points, one more for the first {@code n % centres}, drawn {@code normal(centre_i, 1, (size_i, 2))}
     * with label {@code i}; then the rows are shuffled. Consumes {@code 4 * centres} words, {@code 2n} normals
     * and a permutation of {@code n}.
     *
     * @param random  the generator to draw from; advanced
     * @param n       number of points, {@code >= 1}
     * @param centres number of clusters, {@code >= 1}
     * @return X of shape (2, n), Y of shape (1, n) with labels {@code 0 .. centres - 1}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static LabeledData blobs(RandomState random, int n, int centres) {
        requirePositive(n);
        if (centres < 1) {
            throw new IllegalArgumentException("centres must be at least 1 (was " + centres + ")");
        }
        Matrix centreMatrix = random.uniform(BLOBS_BOX_LOW, BLOBS_BOX_HIGH, centres, FEATURES);
        double[][] points = newPoints(n);
        int start = 0;
        for (int c = 0; c < centres; c++) {
            int size = n / centres + (c < n % centres ? 1 : 0);
            double[] centre = {centreMatrix.get(c, 0), centreMatrix.get(c, 1)};
            Matrix cluster = random.normal(centre, BLOBS_STD, size, FEATURES);
            for (int i = 0; i < size; i++) {
                setPoint(points, start + i, cluster.get(i, 0), cluster.get(i, 1), c);
            }
            start += size;
        }
        return shuffled(random, points);
    }

    /**
     * scikit-learn's {@code make_gaussian_quantiles(cov=cov, n_samples=n, n_features=2, n_classes=2)}:
     * {@code n} points of N(0, cov I) (numpy's {@code multivariate_normal}, which for this covariance is
     * {@code sqrt(cov)} times row-major standard normals), sorted by squared distance from the origin; the
     * nearer {@code n / 2} (rounded down) get label 0, the rest label 1; then the rows are shuffled. Consumes
     * {@code 2n} normals and a permutation of {@code n}.
     *
     * <p>numpy sorts with an unstable quicksort; this sort is stable. The two agree unless two points have
     * exactly the same squared norm.
     *
     * @param random the generator to draw from; advanced
     * @param n      number of points, {@code >= 1}
     * @param cov    variance of each coordinate, {@code > 0}
     * @return X of shape (2, n), Y of shape (1, n)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static LabeledData gaussianQuantiles(RandomState random, int n, double cov) {
        requirePositive(n);
        if (!(cov > 0 && Double.isFinite(cov))) {
            throw new IllegalArgumentException("cov must be positive and finite (was " + cov + ")");
        }
        double scale = Math.sqrt(cov);
        double[] normals = random.randn(FEATURES * n);
        double[][] drawn = newPoints(n);
        double[] squaredNorms = new double[n];
        for (int i = 0; i < n; i++) {
            double a = normals[FEATURES * i] * scale;
            double b = normals[FEATURES * i + 1] * scale;
            setPoint(drawn, i, a, b, 0);
            squaredNorms[i] = a * a + b * b;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> squaredNorms[i]));
        double[][] points = newPoints(n);
        int firstClass = n / 2;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            setPoint(points, k, drawn[0][i], drawn[1][i], k < firstClass ? 0 : 1);
        }
        return shuffled(random, points);
    }

    /**
     * The course's "no structure" data: {@code rand(n, 2)}, then another {@code rand(n, 2)}.
     * Consumes {@code 8n} words.
     *
     * @param random the generator to draw from; advanced
     * @param n      number of points, {@code >= 1}
     * @return both draws, each transposed to shape (2, n)
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static NoStructure noStructure(RandomState random, int n) {
        requirePositive(n);
        Matrix first = random.rand(n, FEATURES).transpose();
        Matrix second = random.rand(n, FEATURES).transpose();
        return new NoStructure(first, second);
    }

    /**
     * The planar assignment's extra datasets drawn from a generator seeded with {@link #EXTRA_PLANAR_SEED}.
     *
     * @return the four datasets, 200 points each
     * @see #extraPlanar(RandomState)
     */
    public static ExtraPlanar extraPlanar() {
        return extraPlanar(new RandomState(EXTRA_PLANAR_SEED));
    }

    /**
     * The planar assignment's extra datasets, drawn one after another from {@code random} in the course's
     * order: {@code circles(200, noise 0.3, factor 0.5)}, {@code moons(200, noise 0.2)},
     * {@code gaussianQuantiles(200, cov 0.5)}, {@code noStructure(200)}. (The course's blobs use their own
     * generator; see {@link #blobsMod2()}.)
     *
     * @param random the generator to draw from; advanced
     * @return the four datasets, 200 points each
     */
    public static ExtraPlanar extraPlanar(RandomState random) {
        LabeledData noisyCircles = circles(random, EXTRA_SIZE, EXTRA_CIRCLES_NOISE, EXTRA_CIRCLES_FACTOR);
        LabeledData noisyMoons = moons(random, EXTRA_SIZE, EXTRA_MOONS_NOISE);
        LabeledData quantiles = gaussianQuantiles(random, EXTRA_SIZE, EXTRA_QUANTILES_COV);
        NoStructure noStructure = noStructure(random, EXTRA_SIZE);
        return new ExtraPlanar(noisyCircles, noisyMoons, quantiles, noStructure);
    }

    /**
     * numpy's {@code linspace(start, stop, num, endpoint)}, with its rounding: {@code start + i * step}, and
     * the last value set to {@code stop} exactly when the end point is included.
     */
    static double[] linspace(double start, double stop, int num, boolean endpoint) {
        int div = endpoint ? num - 1 : num;
        double delta = stop - start;
        double[] out = new double[num];
        if (div > 0) {
            double step = delta / div;
            for (int i = 0; i < num; i++) {
                out[i] = (step == 0 ? i / (double) div * delta : i * step) + start;
            }
        } else {
            for (int i = 0; i < num; i++) {
                out[i] = i * delta + start;
            }
        }
        if (endpoint && num > 1) {
            out[num - 1] = stop;
        }
        return out;
    }

    /** Points as three rows, {xs, ys, labels}, in sample order. */
    private static double[][] newPoints(int n) {
        return new double[][] {new double[n], new double[n], new double[n]};
    }

    private static void setPoint(double[][] points, int i, double x, double y, double label) {
        points[0][i] = x;
        points[1][i] = y;
        points[2][i] = label;
    }

    /** scikit-learn's {@code util_shuffle}: row {@code k} of the result is row {@code perm[k]} of the input. */
    private static LabeledData shuffled(RandomState random, double[][] points) {
        int n = points[0].length;
        int[] perm = random.permutation(n);
        double[] x = new double[FEATURES * n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = points[0][perm[k]];
            x[n + k] = points[1][perm[k]];
            y[k] = points[2][perm[k]];
        }
        return labeled(x, y);
    }

    /**
     * Shuffles the rows, then adds {@code normal(0, noise)} to each coordinate in row-major order of the
     * (n, 2) array, as {@code X += normal(scale=noise, size=X.shape)}. The normals are drawn even when
     * {@code noise == 0}, as scikit-learn does.
     */
    private static LabeledData shuffleAndAddNoise(RandomState random, double[][] points, double noise) {
        LabeledData clean = shuffled(random, points);
        int n = clean.examples();
        double[] x = clean.x().toArray();
        for (int k = 0; k < n; k++) {
            x[k] += random.normal(0.0, noise);
            x[n + k] += random.normal(0.0, noise);
        }
        return new LabeledData(Matrix.of(FEATURES, n, x), clean.y());
    }

    /** Wraps row-major (2, m) inputs and m labels. */
    private static LabeledData labeled(double[] x, double[] y) {
        return new LabeledData(Matrix.of(FEATURES, y.length, x), Matrix.of(1, y.length, y));
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 (was " + n + ")");
        }
    }

    private static void requireNoise(double noise) {
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("noise must be finite and >= 0 (was " + noise + ")");
        }
    }
}
