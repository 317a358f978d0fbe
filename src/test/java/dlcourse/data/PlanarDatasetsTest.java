package dlcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PlanarDatasets} against the datasets numpy and scikit-learn generated (see
 * {@code reference/generated_datasets.json}): coordinates within {@link #RTOL} relative, labels exactly.
 */
class PlanarDatasetsTest {

    private static final String DATASETS_RESOURCE = "/reference/generated_datasets.json";
    private static final JsonNode DATASETS = load(DATASETS_RESOURCE).get("datasets");

    /** Relative tolerance for coordinates: sin and cos may differ from numpy's C library in the last bit. */
    private static final double RTOL = 1e-12;
    /**
     * Absolute floor of the tolerance, for coordinates that cancel to nearly zero (e.g. {@code cos(pi / 2)}),
     * whose relative error a last-bit difference can make large.
     */
    private static final double ATOL = 1e-15;

    private static JsonNode load(String resource) {
        try (InputStream in = PlanarDatasetsTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One array of the reference file, the method call that should reproduce it, and whether it holds labels. */
    private record Case(String dataset, String key, Shape shape, boolean labels, Supplier<Matrix> actual) {

        @Override
        public String toString() {
            return dataset + " › " + key;
        }
    }

    /** Every array in the reference file, with the call that reproduces it. */
    static List<Case> cases() {
        Supplier<PlanarDatasets.TrainTest> circles = PlanarDatasets::initializationCircles;
        Supplier<PlanarDatasets.ExtraPlanar> extra = PlanarDatasets::extraPlanar;
        String seq = "extra_seed7_sequence";
        return List.of(
                new Case("flower", "X(2,400)", Shape.of(2, 400), false, () -> PlanarDatasets.flower().x()),
                new Case("flower", "Y(1,400)", Shape.of(1, 400), true, () -> PlanarDatasets.flower().y()),
                new Case("initialization_circles", "train_X(2,300)", Shape.of(2, 300), false,
                        () -> circles.get().train().x()),
                new Case("initialization_circles", "train_Y(1,300)", Shape.of(1, 300), true,
                        () -> circles.get().train().y()),
                new Case("initialization_circles", "test_X(2,100)", Shape.of(2, 100), false,
                        () -> circles.get().test().x()),
                new Case("initialization_circles", "test_Y(1,100)", Shape.of(1, 100), true,
                        () -> circles.get().test().y()),
                new Case("optimization_moons", "train_X(2,300)", Shape.of(2, 300), false,
                        () -> PlanarDatasets.optimizationMoons().x()),
                new Case("optimization_moons", "train_Y(1,300)", Shape.of(1, 300), true,
                        () -> PlanarDatasets.optimizationMoons().y()),
                new Case("blobs", "X(2,200)", Shape.of(2, 200), false, () -> PlanarDatasets.blobs().x()),
                new Case("blobs", "Y(1,200)", Shape.of(1, 200), true, () -> PlanarDatasets.blobs().y()),
                new Case(seq, "noisy_circles_X(2,200)", Shape.of(2, 200), false, () -> extra.get().noisyCircles().x()),
                new Case(seq, "noisy_circles_Y", Shape.of(1, 200), true, () -> extra.get().noisyCircles().y()),
                new Case(seq, "noisy_moons_X(2,200)", Shape.of(2, 200), false, () -> extra.get().noisyMoons().x()),
                new Case(seq, "noisy_moons_Y", Shape.of(1, 200), true, () -> extra.get().noisyMoons().y()),
                new Case(seq, "gaussian_quantiles_X(2,200)", Shape.of(2, 200), false,
                        () -> extra.get().gaussianQuantiles().x()),
                new Case(seq, "gaussian_quantiles_Y", Shape.of(1, 200), true,
                        () -> extra.get().gaussianQuantiles().y()),
                // the course's no-structure arrays are (200, 2); ours are their transposes
                new Case(seq, "no_structure_X(200,2)", Shape.of(200, 2), false,
                        () -> extra.get().noStructure().x().transpose()),
                new Case(seq, "no_structure_Y(200,2)", Shape.of(200, 2), false,
                        () -> extra.get().noStructure().y().transpose()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generated_dataset_matches_numpy_and_scikit_learn(Case c) {
        double[] expected = doubles(DATASETS.get(c.dataset()).get(c.key()));
        Matrix actual = c.actual().get();

        assertEquals(c.shape(), actual.shape(), c + ": shape");
        assertEquals(expected.length, actual.shape().size(), c + ": number of entries in the reference");
        double[] values = actual.toArray();
        for (int k = 0; k < expected.length; k++) {
            int i = k / c.shape().cols();
            int j = k % c.shape().cols();
            if (c.labels()) {
                assertEquals(expected[k], values[k], 0.0, c + ": label at [" + i + ", " + j + "]");
            } else {
                double diff = Math.abs(values[k] - expected[k]);
                double tol = RTOL * Math.abs(expected[k]) + ATOL;
                assertTrue(diff <= tol, c + ": entry [" + i + ", " + j + "] expected " + expected[k] + " but was "
                        + values[k] + " (|diff| " + diff + " > " + tol + ")");
            }
        }
    }

    @Test
    void every_array_in_the_reference_file_is_checked() {
        Set<String> inFile = new TreeSet<>();
        for (var dataset : DATASETS.properties()) {
            for (var array : dataset.getValue().properties()) {
                if (array.getValue().isArray()) {
                    inFile.add(dataset.getKey() + " › " + array.getKey());
                }
            }
        }
        Set<String> checked = cases().stream().map(Case::toString).collect(Collectors.toCollection(TreeSet::new));

        assertFalse(inFile.isEmpty(), "the reference file holds no arrays");
        assertEquals(inFile, checked);
    }

    @Test
    void blobs_mod_2_folds_the_six_clusters_into_two_classes() {
        LabeledData blobs = PlanarDatasets.blobs();
        LabeledData folded = PlanarDatasets.blobsMod2();

        assertEquals(blobs.x(), folded.x());
        double[] labels = blobs.y().toArray();
        assertEquals(Set.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0), Arrays.stream(labels).boxed().collect(Collectors.toSet()));
        assertArrayEquals(Arrays.stream(labels).map(v -> v % 2).toArray(), folded.y().toArray());
    }

    @Test
    void extra_datasets_continue_one_stream_in_the_course_order() {
        RandomState shared = new RandomState(PlanarDatasets.EXTRA_PLANAR_SEED);
        PlanarDatasets.ExtraPlanar extra = PlanarDatasets.extraPlanar(shared);

        RandomState manual = new RandomState(PlanarDatasets.EXTRA_PLANAR_SEED);
        LabeledData circles = PlanarDatasets.circles(manual, 200, 0.3, 0.5);
        LabeledData moons = PlanarDatasets.moons(manual, 200, 0.2);
        LabeledData quantiles = PlanarDatasets.gaussianQuantiles(manual, 200, 0.5);
        PlanarDatasets.NoStructure noStructure = PlanarDatasets.noStructure(manual, 200);

        assertEquals(new PlanarDatasets.ExtraPlanar(circles, moons, quantiles, noStructure), extra);
        assertEquals(manual.random(), shared.random(), "both generators must end in the same state");
    }

    @Test
    void circles_and_moons_draw_the_noise_even_when_it_is_zero() {
        int n = 11;
        RandomState random = new RandomState(9);
        PlanarDatasets.circles(random, n, 0.0, 0.5);
        PlanarDatasets.moons(random, n, 0.0);

        RandomState twin = new RandomState(9);
        twin.permutation(n);
        twin.randn(2 * n);
        twin.permutation(n);
        twin.randn(2 * n);
        assertEquals(twin.random(), random.random(), "scikit-learn draws X.shape normals for noise=0.0");
    }

    @Test
    void an_odd_count_puts_the_extra_point_on_the_inner_circle() {
        LabeledData circles = PlanarDatasets.circles(new RandomState(0), 7, 0.0, 0.5);

        double[] labels = circles.y().toArray();
        assertEquals(3, Arrays.stream(labels).filter(v -> v == 0.0).count(), "outer points (label 0)");
        assertEquals(4, Arrays.stream(labels).filter(v -> v == 1.0).count(), "inner points (label 1)");
        for (int j = 0; j < labels.length; j++) {
            double radius = Math.hypot(circles.x().get(0, j), circles.x().get(1, j));
            assertEquals(labels[j] == 0.0 ? 1.0 : 0.5, radius, 1e-15, "radius of point " + j);
        }
    }

    @Test
    void gaussian_quantiles_label_the_nearer_half_zero() {
        LabeledData data = PlanarDatasets.gaussianQuantiles(new RandomState(1), 9, 2.0);

        double farthestZero = 0;
        double nearestOne = Double.POSITIVE_INFINITY;
        int zeros = 0;
        for (int j = 0; j < data.examples(); j++) {
            double norm = Math.hypot(data.x().get(0, j), data.x().get(1, j));
            if (data.y().get(0, j) == 0.0) {
                zeros++;
                farthestZero = Math.max(farthestZero, norm);
            } else {
                nearestOne = Math.min(nearestOne, norm);
            }
        }
        assertEquals(4, zeros, "n // 2 points get label 0");
        assertTrue(farthestZero < nearestOne, "every label-0 point is nearer the origin than every label-1 point");
    }

    @Test
    void the_flower_has_two_classes_of_200_points_in_order() {
        LabeledData flower = PlanarDatasets.flower();

        assertEquals(400, flower.examples());
        assertEquals(2, flower.features());
        double[] labels = flower.y().toArray();
        for (int j = 0; j < labels.length; j++) {
            assertEquals(j < 200 ? 0.0 : 1.0, labels[j], "label of point " + j);
        }
    }

    static Stream<Arguments> linspaceCases() {
        return Stream.of(
                // numpy.linspace(0, 3.12, 200)[[1, 198, 199]]
                Arguments.of(0.0, 3.12, 200, true, new int[] {1, 198, 199},
                        new double[] {0.015678391959798997, 3.1043216080402014, 3.12}),
                // numpy.linspace(0, 2 * pi, 3, endpoint=False)
                Arguments.of(0.0, 2 * Math.PI, 3, false, new int[] {0, 1, 2},
                        new double[] {0.0, 2.0943951023931953, 4.1887902047863905}),
                // numpy.linspace(3.12, 6.24, 200)[[1, 100]]
                Arguments.of(3.12, 6.24, 200, true, new int[] {1, 100},
                        new double[] {3.1356783919597992, 4.687839195979899}),
                // numpy.linspace(0, pi, 1)
                Arguments.of(0.0, Math.PI, 1, true, new int[] {0}, new double[] {0.0}));
    }

    @ParameterizedTest(name = "linspace({0}, {1}, {2}, endpoint={3})")
    @MethodSource("linspaceCases")
    void linspace_rounds_like_numpy(double start, double stop, int num, boolean endpoint, int[] at,
                                    double[] expected) {
        double[] values = PlanarDatasets.linspace(start, stop, num, endpoint);

        assertEquals(num, values.length);
        double[] picked = Arrays.stream(at).mapToDouble(i -> values[i]).toArray();
        assertArrayEquals(expected, picked, 0.0);
    }

    @Test
    void invalid_arguments_are_rejected_with_the_argument_named() {
        RandomState random = new RandomState(0);
        List<String> messages = new ArrayList<>();
        messages.add(assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.circles(random, 0, 0.1, 0.5))
                .getMessage());
        messages.add(assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.circles(random, 10, -0.1, 0.5))
                .getMessage());
        messages.add(assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.circles(random, 10, 0.1, 1.0))
                .getMessage());
        messages.add(assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.moons(random, 10, Double.NaN))
                .getMessage());
        messages.add(assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.blobs(random, 10, 0))
                .getMessage());
        messages.add(assertThrows(IllegalArgumentException.class,
                () -> PlanarDatasets.gaussianQuantiles(random, 10, -1.0)).getMessage());
        messages.add(assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.noStructure(random, -2))
                .getMessage());

        assertEquals(List.of("n must be at least 1 (was 0)", "noise must be finite and >= 0 (was -0.1)",
                "'factor' has to be between 0 and 1 (was 1.0)", "noise must be finite and >= 0 (was NaN)",
                "centres must be at least 1 (was 0)", "cov must be positive and finite (was -1.0)",
                "n must be at least 1 (was -2)"), messages);
        assertEquals(new RandomState(0).random(), random.random(), "rejected calls must not draw");
    }

    @Test
    void labeled_data_requires_one_label_per_example() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledData(Matrix.zeros(2, 5), Matrix.zeros(1, 4)));
        assertEquals("labels must have shape (1, 5) to match X of shape (2, 5), but Y has shape (1, 4)",
                e.getMessage());
    }

    private static double[] doubles(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalStateException("reference array missing from " + DATASETS_RESOURCE);
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }
}
