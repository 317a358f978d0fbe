package dlcourse.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RandomState} against numpy's legacy {@code RandomState}: streams recorded with numpy (see
 * {@code reference/numpy_random_streams.json}) must match bit for bit, for every recorded seed.
 */
class RandomStateTest {

    private static final String STREAMS_RESOURCE = "/reference/numpy_random_streams.json";
    private static final JsonNode STREAMS = load(STREAMS_RESOURCE).get("streams");

    private static final double[] NORMAL_LOC = {1.5, -2.0};
    private static final double NORMAL_SCALE = 0.3;
    private static final double UNIFORM_LOW = -10.0;
    private static final double UNIFORM_HIGH = 10.0;

    private static JsonNode load(String resource) {
        try (InputStream in = RandomStateTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every seed recorded in the reference file. */
    static Stream<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        STREAMS.fieldNames().forEachRemaining(name -> seeds.add(Long.parseLong(name)));
        return seeds.stream();
    }

    /** The seeds whose raw words were recorded. */
    static Stream<Long> seedsWithRawWords() {
        return seeds().filter(seed -> STREAMS.get(Long.toString(seed)).has("raw32(5)"));
    }

    private static JsonNode stream(long seed, String key) {
        JsonNode node = STREAMS.get(Long.toString(seed)).get(key);
        if (node == null) {
            throw new IllegalStateException("reference file has no stream '" + key + "' for seed " + seed);
        }
        return node;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).intValue();
        }
        return out;
    }

    /** Fails at the first entry whose bits differ, naming it and both values. */
    private static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            long e = Double.doubleToLongBits(expected[i]);
            long a = Double.doubleToLongBits(actual[i]);
            if (e != a) {
                throw new AssertionError(what + " differs from numpy at flat index " + i + ": expected "
                        + expected[i] + " but was " + actual[i] + " (" + Math.abs(expected[i] - actual[i]) + " apart)");
            }
        }
    }

    private static void assertShapedBitsEqual(double[] expected, Matrix actual, Shape shape, String what) {
        assertEquals(shape, actual.shape(), what + ": shape");
        assertBitsEqual(expected, actual.toArray(), what);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seedsWithRawWords")
    void raw_words_match_numpy(long seed) {
        RandomState random = new RandomState(seed);
        JsonNode expected = stream(seed, "raw32(5)");
        long[] actual = new long[expected.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = random.nextRaw32();
        }
        long[] wanted = new long[expected.size()];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = expected.get(i).longValue();
        }
        assertArrayEquals(wanted, actual, "raw32(5) for seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rand_matches_numpy_bit_for_bit(long seed) {
        Matrix actual = new RandomState(seed).rand(2, 7);
        assertShapedBitsEqual(doubles(stream(seed, "rand(2,7)")), actual, Shape.of(2, 7), "rand(2,7), seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randn_matches_numpy_bit_for_bit(long seed) {
        Matrix actual = new RandomState(seed).randn(3, 5);
        assertShapedBitsEqual(doubles(stream(seed, "randn(3,5)")), actual, Shape.of(3, 5), "randn(3,5), seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void permutations_match_numpy(long seed) {
        assertArrayEquals(ints(stream(seed, "permutation(10)")), new RandomState(seed).permutation(10),
                "permutation(10), seed " + seed);
        assertArrayEquals(ints(stream(seed, "permutation(300)")), new RandomState(seed).permutation(300),
                "permutation(300), seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cached_normal_survives_uniform_draws_as_in_numpy(long seed) {
        RandomState random = new RandomState(seed);
        double[] actual = concat(random.randn(3), random.rand(2), random.randn(1), random.rand(1));
        assertBitsEqual(doubles(stream(seed, "randn(3),rand(2),randn(1),rand(1)")), actual,
                "randn(3), rand(2), randn(1), rand(1), seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void uniform_matches_numpy_bit_for_bit(long seed) {
        Matrix actual = new RandomState(seed).uniform(UNIFORM_LOW, UNIFORM_HIGH, 6, 2);
        assertShapedBitsEqual(doubles(stream(seed, "uniform(-10,10,(6,2))")), actual, Shape.of(6, 2),
                "uniform(-10, 10, (6, 2)), seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void normal_with_one_mean_per_column_matches_numpy_bit_for_bit(long seed) {
        Matrix actual = new RandomState(seed).normal(NORMAL_LOC, NORMAL_SCALE, 4, 2);
        assertShapedBitsEqual(doubles(stream(seed, "normal(loc=[1.5,-2.0],scale=0.3,(4,2))")), actual,
                Shape.of(4, 2), "normal(loc=[1.5, -2.0], scale=0.3, (4, 2)), seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalar_draws_consume_the_stream_like_the_shaped_ones(long seed) {
        RandomState shaped = new RandomState(seed);
        RandomState scalar = new RandomState(seed);
        double[] expected = concat(shaped.uniform(UNIFORM_LOW, UNIFORM_HIGH, 1, 3).toArray(),
                shaped.normal(NORMAL_LOC[0], NORMAL_SCALE, 1, 3).toArray(), shaped.rand(2));
        double[] actual = {
            scalar.uniform(UNIFORM_LOW, UNIFORM_HIGH), scalar.uniform(UNIFORM_LOW, UNIFORM_HIGH),
            scalar.uniform(UNIFORM_LOW, UNIFORM_HIGH), scalar.normal(NORMAL_LOC[0], NORMAL_SCALE),
            scalar.normal(NORMAL_LOC[0], NORMAL_SCALE), scalar.normal(NORMAL_LOC[0], NORMAL_SCALE),
            scalar.random(), scalar.random()
        };
        assertBitsEqual(expected, actual, "scalar draws, seed " + seed);
    }

    @Test
    void curriculum_values_for_seed_1_are_reproduced() {
        RandomState random = new RandomState(1);
        assertArrayEquals(new long[] {1791095845L, 4282876139L, 3093770124L},
                new long[] {random.nextRaw32(), random.nextRaw32(), random.nextRaw32()});
        assertBitsEqual(new double[] {0.417022004702574, 0.7203244934421581, 0.00011437481734488664},
                new RandomState(1).rand(3), "rand(3), seed 1");
        assertBitsEqual(new double[] {1.6243453636632417, -0.6117564136500754, -0.5281717522634557},
                new RandomState(1).randn(3), "randn(3), seed 1");
    }

    @Test
    void seed_clears_the_cached_normal() {
        RandomState random = new RandomState(1);
        double first = random.standardNormal();
        double cached = new RandomState(1).randn(2)[1];

        random.seed(1);

        double afterReseed = random.standardNormal();
        assertEquals(Double.doubleToLongBits(first), Double.doubleToLongBits(afterReseed),
                "after seed(1) the first normal must be the fresh stream's first normal");
        assertNotEquals(Double.doubleToLongBits(cached), Double.doubleToLongBits(afterReseed),
                "seed(1) must not return the normal cached before re-seeding");
    }

    @Test
    void seed_restarts_the_stream() {
        RandomState random = new RandomState(11);
        double[] first = random.rand(700);

        random.seed(11);

        assertBitsEqual(first, random.rand(700), "rand(700) after seed(11)");
    }

    @Test
    void uniform_draws_leave_the_cached_normal_in_place() {
        RandomState random = new RandomState(3);
        double[] pair = new RandomState(3).randn(2);

        random.standardNormal();
        random.rand(5);
        random.nextRaw32();

        assertEquals(Double.doubleToLongBits(pair[1]), Double.doubleToLongBits(random.standardNormal()));
    }

    /** numpy 2.4 {@code RandomState(seed).randint(low, high, size=n)}, recorded with python3. */
    static Stream<Arguments> numpyRandint() {
        return Stream.of(
                Arguments.of(42L, 0L, 10L, new long[] {6, 3, 7, 4, 6, 9, 2, 6, 7, 4, 3, 7, 7, 2, 5, 4, 1, 7, 5, 1}),
                Arguments.of(7L, -5L, 5L, new long[] {-1, 4, 1, -2, -2, 2, 2, 4, 2, 3, 4, 3}),
                Arguments.of(11L, 100L, 1000L, new long[] {803, 180, 191, 437, 369, 432, 773, 683}),
                Arguments.of(5L, 0L, 1L, new long[] {0, 0, 0}),
                // range 2**32 - 1: every 32-bit word is accepted as it is
                Arguments.of(0L, 0L, 1L << 32, new long[] {2357136044L, 2546248239L, 3071714933L, 3626093760L,
                    2588848963L}),
                // ranges above 32 bits draw 64-bit words, first word high
                Arguments.of(0L, 0L, (1L << 32) + 1, new long[] {2546248239L, 1277901399L, 243580376L, 1171049868L,
                    2051556033L}),
                Arguments.of(1L, 0L, 1L << 40, new long[] {163196666091L, 605300724808L, 1095766950793L,
                    876169207429L, 340316410816L}),
                Arguments.of(3L, Long.MIN_VALUE, Long.MAX_VALUE, new long[] {937055941807507096L,
                    3839649608876091011L, -3857126681373350968L, 199733986212078357L}));
    }

    @ParameterizedTest(name = "seed {0}: randint({1}, {2})")
    @MethodSource("numpyRandint")
    void randint_matches_numpy(long seed, long low, long high, long[] expected) {
        assertArrayEquals(expected, new RandomState(seed).randint(low, high, expected.length));

        RandomState scalar = new RandomState(seed);
        long[] oneByOne = new long[expected.length];
        for (int i = 0; i < oneByOne.length; i++) {
            oneByOne[i] = scalar.randint(low, high);
        }
        assertArrayEquals(expected, oneByOne, "scalar randint calls");
    }

    @Test
    void scalar_randint_interleaves_with_uniforms_as_in_numpy() {
        // numpy: r = RandomState(2); [r.randint(0, 3) for _ in range(5)], r.rand()
        RandomState random = new RandomState(2);
        long[] ints = new long[5];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = random.randint(0, 3);
        }
        assertArrayEquals(new long[] {0, 1, 0, 2, 2}, ints);
        assertEquals(0.48474909678375566, random.random());
    }

    @Test
    void a_single_possible_value_draws_nothing() {
        RandomState random = new RandomState(2);

        assertEquals(7, random.randint(7, 8));
        assertEquals(0, random.boundedInt(0));
        random.shuffle(new int[] {42});
        random.shuffle(new double[0]);

        assertEquals(new RandomState(2).random(), random.random(), "the stream must not have advanced");
    }

    @Test
    void bounded_int_uses_the_smallest_mask_and_rejects_above_the_bound() {
        // mask for 5 is 0b111: words whose low three bits exceed 5 are skipped
        RandomState words = new RandomState(0);
        long expected = -1;
        while (expected < 0) {
            long candidate = words.nextRaw32() & 0b111;
            if (candidate <= 5) {
                expected = candidate;
            }
        }
        RandomState random = new RandomState(0);

        assertEquals(expected, random.boundedInt(5));
        assertEquals(words.nextRaw32(), random.nextRaw32(), "boundedInt consumed a different number of words");
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("permutationSizes")
    void shuffling_doubles_moves_them_like_a_permutation(int n) {
        double[] values = IntStream.range(0, n).mapToDouble(i -> i).toArray();
        new RandomState(5).shuffle(values);
        int[] permutation = new RandomState(5).permutation(n);

        assertArrayEquals(Arrays.stream(permutation).asDoubleStream().toArray(), values);
        int[] sorted = permutation.clone();
        Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, n).toArray(), sorted, "a permutation holds each index once");
    }

    static Stream<Integer> permutationSizes() {
        return Stream.of(0, 1, 2, 7, 64, 1025);
    }

    @Test
    void shuffling_ints_follows_numpy_fisher_yates() {
        int[] values = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        new RandomState(0).shuffle(values);
        // numpy: RandomState(0).permutation(10) == [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]
        assertArrayEquals(new int[] {12, 18, 14, 19, 11, 16, 17, 13, 10, 15}, values);
    }

    @Test
    void seeds_outside_32_bits_are_rejected_in_numpy_words() {
        for (long bad : new long[] {-1L, RandomState.MAX_SEED + 1}) {
            assertMessageStarts("Seed must be between 0 and 2**32 - 1", () -> new RandomState(bad));
            assertMessageStarts("Seed must be between 0 and 2**32 - 1", () -> new RandomState(0).seed(bad));
        }
    }

    @Test
    void the_largest_seed_is_accepted() {
        assertEquals(RandomState.MAX_SEED, 4294967295L);
        assertTrue(new RandomState(RandomState.MAX_SEED).random() < 1.0);
    }

    @Test
    void negative_sizes_are_rejected_in_numpy_words() {
        RandomState random = new RandomState(0);
        String message = "negative dimensions are not allowed";
        assertMessageStarts(message, () -> random.rand(-1));
        assertMessageStarts(message, () -> random.rand(2, -1));
        assertMessageStarts(message, () -> random.randn(-3));
        assertMessageStarts(message, () -> random.randn(-1, 2));
        assertMessageStarts(message, () -> random.uniform(0, 1, -1, 1));
        assertMessageStarts(message, () -> random.normal(0, 1, 1, -1));
        assertMessageStarts(message, () -> random.permutation(-1));
        assertMessageStarts(message, () -> random.randint(0, 5, -1));
    }

    @Test
    void invalid_distribution_parameters_are_rejected_in_numpy_words() {
        RandomState random = new RandomState(0);
        assertMessageStarts("Range exceeds valid bounds", () -> random.uniform(0, Double.POSITIVE_INFINITY));
        assertMessageStarts("Range exceeds valid bounds", () -> random.uniform(Double.NaN, 1, 2, 2));
        assertMessageStarts("scale < 0", () -> random.normal(0, -1));
        assertMessageStarts("scale < 0", () -> random.normal(0, -0.0));
        assertMessageStarts("scale < 0", () -> random.normal(NORMAL_LOC, -1, 2, 2));
        assertMessageStarts("low >= high", () -> random.randint(5, 5));
        assertMessageStarts("low >= high", () -> random.randint(5, 4, 3));
        assertMessageStarts("max < 0", () -> random.boundedInt(-1));
        assertMessageStarts("shape mismatch", () -> random.normal(NORMAL_LOC, 1, 2, 3));
    }

    @Test
    void rejected_arguments_do_not_advance_the_stream() {
        RandomState random = new RandomState(4);
        assertThrows(IllegalArgumentException.class, () -> random.normal(0, -1, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> random.uniform(0, Double.NaN));
        assertEquals(new RandomState(4).random(), random.random());
    }

    @Test
    void uniform_accepts_reversed_bounds_like_numpy() {
        // numpy: RandomState(0).uniform(1, 0) == 0.45118649607267525
        assertEquals(0.45118649607267525, new RandomState(0).uniform(1, 0));
    }

    @Test
    void normal_passes_a_nan_scale_through_like_numpy() {
        assertTrue(Double.isNaN(new RandomState(0).normal(0, Double.NaN)));
        assertFalse(Double.isNaN(new RandomState(0).normal(0, 0.0)));
    }

    private static void assertMessageStarts(String prefix, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(prefix), () -> "expected a message starting with '" + prefix
                + "' but was '" + e.getMessage() + "'");
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    /** rand(n) fills in blocks; it must draw exactly as n calls of random() from any position in the stream. */
    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "311, 0", "312, 0", "313, 0", "624, 0", "5000, 0", "1, 1", "311, 1", "312, 1",
        "313, 623", "700, 623", "4853, 3", "4853, 624", "1000, 1247"})
    void bulk_rand_draws_as_successive_uniforms(int n, int wordsAlreadyRead) {
        RandomState bulk = new RandomState(1);
        RandomState single = new RandomState(1);
        for (int k = 0; k < wordsAlreadyRead; k++) {
            bulk.nextRaw32();
            single.nextRaw32();
        }
        double[] values = bulk.rand(n);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(single.random()), Double.doubleToRawLongBits(values[i]),
                    "value " + i);
        }
        assertEquals(single.nextRaw32(), bulk.nextRaw32(), "the next word after the values");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 3, 11, 5489, 4_294_967_295L})
    void vector_twist_agrees_with_its_scalar_twin_over_successive_twists(long seed) {
        RandomState generator = new RandomState(seed);
        int[] state = new int[624];
        int[] scalarState = new int[624];
        generator.nextRaw32(); // the first twist, through the dispatcher
        for (int round = 0; round < 5; round++) {
            SplittableRandom noise = new SplittableRandom(seed + round);
            for (int k = 0; k < state.length; k++) {
                state[k] = round == 0 ? (int) generator.nextRaw32() : noise.nextInt();
            }
            System.arraycopy(state, 0, scalarState, 0, state.length);
            int[] tempered = new int[624];
            int[] scalarTempered = new int[624];

            RandomState.twistVector(state, tempered);
            RandomState.twistScalar(scalarState, scalarTempered);

            assertArrayEquals(scalarState, state, "state after twist " + round);
            assertArrayEquals(scalarTempered, tempered, "tempered words after twist " + round);
        }
    }
}
