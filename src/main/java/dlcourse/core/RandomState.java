package dlcourse.core;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A random number generator that reproduces numpy's legacy {@code np.random.RandomState} bit for bit.
 *
 * <p>The core is the Mersenne Twister MT19937 seeded with the classic {@code init_genrand(seed)} routine, which
 * is what {@code np.random.seed(s)} does for an integer {@code 0 <= s < 2**32}. On top of the raw 32-bit words,
 * every method uses numpy's legacy algorithm, so that the same calls in the same order give the same numbers:
 * <ul>
 *   <li>uniform doubles take the top 27 and 26 bits of two consecutive words (53 random bits);</li>
 *   <li>normals use the Marsaglia polar method, which makes two values per accepted pair and caches the
 *       second one until the next normal is asked for (uniform draws in between do not touch the cache);</li>
 *   <li>bounded integers and shuffles use mask-and-reject on 32-bit words.</li>
 * </ul>
 * Every method that draws says how many raw words it consumes, since reproducing a course's numbers means
 * consuming the stream exactly as numpy does.
 *
 * <p>Uniform draws, integers and permutations are exact. Normals go through {@link Math#log} and
 * {@link Math#sqrt}; the square root is correctly rounded on every platform, while the logarithm may
 * differ from the C library numpy was built against in the last bit for a small fraction of inputs.
 *
 * <p>Matrices are filled in row-major order, like a C-ordered numpy array of the same shape. Instances are
 * mutable and not thread-safe: give each thread its own generator.
 */
public final class RandomState {

    /** The largest seed numpy accepts for the legacy generator, {@code 2**32 - 1}. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    /** Number of 32-bit words in the MT19937 state. */
    private static final int STATE_WORDS = 624;
    /** Offset of the word mixed into each twisted word. */
    private static final int TWIST_OFFSET = 397;
    /** The twist matrix constant of MT19937. */
    private static final int MATRIX_A = 0x9908_B0DF;
    /** Most significant bit of a word. */
    private static final int UPPER_MASK = 0x8000_0000;
    /** The 31 least significant bits of a word. */
    private static final int LOWER_MASK = 0x7FFF_FFFF;
    /** Multiplier of the {@code init_genrand} seeding recurrence. */
    private static final int SEED_MULTIPLIER = 1_812_433_253;
    /** Tempering mask applied after the 7-bit left shift. */
    private static final int TEMPER_B = 0x9D2C_5680;
    /** Tempering mask applied after the 15-bit left shift. */
    private static final int TEMPER_C = 0xEFC6_0000;

    /** Mask that turns a Java int holding a 32-bit word into its unsigned value. */
    /** The widest int species this CPU runs natively (16 lanes with AVX-512), for the twist. */
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /** Words per vector of {@link #INTS}. */
    private static final int INT_LANES = INTS.length();

    private static final long UNSIGNED_32 = 0xFFFF_FFFFL;
    /** Bits dropped from the first word of a uniform double (keeps 27). */
    private static final int HIGH_WORD_SHIFT = 5;
    /** Bits dropped from the second word of a uniform double (keeps 26). */
    private static final int LOW_WORD_SHIFT = 6;
    /** {@code 2**26}: places the 27 high bits above the 26 low bits. */
    private static final double TWO_POW_26 = 67_108_864.0;
    /**
     * {@code 2**-53}: scales the 53-bit integer into [0, 1). Multiplying by it gives the bits numpy's division by
     * {@code 2**53} gives (both are exact: the integer is below 2**53), without a division's latency.
     */
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final int[] mt = new int[STATE_WORDS];
    /** The words of {@link #mt} tempered by {@link #twist()}: the stream's next words, from {@link #position} on. */
    private final int[] tempered = new int[STATE_WORDS];
    private int position;
    private boolean hasCachedNormal;
    private double cachedNormal;

    /**
     * Creates a generator in the state {@code np.random.RandomState(seed)} starts in.
     *
     * @param seed the seed, {@code 0 <= seed <= 2**32 - 1}
     * @throws IllegalArgumentException if the seed is out of range
     */
    public RandomState(long seed) {
        seed(seed);
    }

    /**
     * Re-seeds the generator like {@code np.random.seed(seed)}: the state becomes that of a fresh
     * {@code RandomState(seed)}, and a normal cached by an earlier {@link #standardNormal()} is discarded.
     *
     * @param seed the seed, {@code 0 <= seed <= 2**32 - 1}
     * @throws IllegalArgumentException if the seed is out of range
     */
    public void seed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1 (was " + seed + ")");
        }
        mt[0] = (int) seed;
        for (int i = 1; i < STATE_WORDS; i++) {
            int previous = mt[i - 1];
            mt[i] = SEED_MULTIPLIER * (previous ^ (previous >>> 30)) + i;
        }
        position = STATE_WORDS;
        hasCachedNormal = false;
        cachedNormal = 0.0;
    }

    /**
     * The next raw 32-bit word of the MT19937 stream, as numpy's {@code randomkit} produces it.
     * Consumes one word.
     *
     * @return the word as an unsigned value in {@code [0, 2**32 - 1]}
     */
    public long nextRaw32() {
        return nextWord() & UNSIGNED_32;
    }

    /** The next tempered word as a Java int (same 32 bits as {@link #nextRaw32()}). Consumes one word. */
    private int nextWord() {
        if (position >= STATE_WORDS) {
            twist();
        }
        return tempered[position++];
    }

    /**
     * Regenerates all 624 state words at once, as the reference implementation does (in place, so that the last
     * words read words already regenerated), and tempers them into {@link #tempered}: with the Vector API, or its
     * scalar twin under {@code -Ddlcourse.simd=false}. Both give the same bits.
     */
    private void twist() {
        if (Simd.ENABLED) {
            twistVector(mt, tempered);
        } else {
            twistScalar(mt, tempered);
        }
        position = 0;
    }

    /**
     * Scalar twin of {@link #twistVector}: the reference loop, split where the offsets wrap (which avoids a
     * remainder per word), then one tempering pass.
     *
     * @param s   the 624 state words, regenerated in place
     * @param out receives the tempered new words
     */
    static void twistScalar(int[] s, int[] out) {
        int i = 0;
        for (; i < STATE_WORDS - TWIST_OFFSET; i++) {
            s[i] = s[i + TWIST_OFFSET] ^ twisted(s[i], s[i + 1]);
        }
        for (; i < STATE_WORDS - 1; i++) {
            s[i] = s[i + TWIST_OFFSET - STATE_WORDS] ^ twisted(s[i], s[i + 1]);
        }
        s[STATE_WORDS - 1] = s[TWIST_OFFSET - 1] ^ twisted(s[STATE_WORDS - 1], s[0]);
        for (int k = 0; k < STATE_WORDS; k++) {
            out[k] = temper(s[k]);
        }
    }

    /** The twist of word i: its top bit and the next word's 31 low bits, shifted, with the matrix if odd. */
    private static int twisted(int word, int next) {
        int y = (word & UPPER_MASK) | (next & LOWER_MASK);
        return (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }

    /**
     * The twist with the Vector API, {@link #INT_LANES} words per step. Word i reads words i and i + 1 before they
     * are regenerated and word i + 397 (mod 624), which for i < 227 is not yet regenerated and for i >= 227 was
     * regenerated 227 words earlier: more than a vector apart in both cases, so regenerating a vector of words at
     * a time, in order, reads exactly what the one-word loop reads. Each part ends with a scalar tail; the last
     * word (which wraps to word 0) is scalar too. Tempering is a second vector pass.
     *
     * @param s   the 624 state words, regenerated in place
     * @param out receives the tempered new words
     */
    static void twistVector(int[] s, int[] out) {
        int firstPart = STATE_WORDS - TWIST_OFFSET; // 227 words mixed with a word not yet regenerated
        int i = 0;
        for (; i <= firstPart - INT_LANES; i += INT_LANES) {
            twistedVector(s, i, i + TWIST_OFFSET);
        }
        for (; i < firstPart; i++) {
            s[i] = s[i + TWIST_OFFSET] ^ twisted(s[i], s[i + 1]);
        }
        for (; i <= STATE_WORDS - 1 - INT_LANES; i += INT_LANES) { // word i + 1 must not be regenerated yet
            twistedVector(s, i, i + TWIST_OFFSET - STATE_WORDS);
        }
        for (; i < STATE_WORDS - 1; i++) {
            s[i] = s[i + TWIST_OFFSET - STATE_WORDS] ^ twisted(s[i], s[i + 1]);
        }
        s[STATE_WORDS - 1] = s[TWIST_OFFSET - 1] ^ twisted(s[STATE_WORDS - 1], s[0]);
        int k = 0;
        for (; k <= STATE_WORDS - INT_LANES; k += INT_LANES) {
            IntVector y = IntVector.fromArray(INTS, s, k);
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHR, 11));
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHL, 7).and(TEMPER_B));
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHL, 15).and(TEMPER_C));
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHR, 18));
            y.intoArray(out, k);
        }
        for (; k < STATE_WORDS; k++) {
            out[k] = temper(s[k]);
        }
    }

    /** Words {@code i .. i + INT_LANES} of the twist, mixed with the words from {@code mix} on. */
    private static void twistedVector(int[] s, int i, int mix) {
        IntVector word = IntVector.fromArray(INTS, s, i);
        IntVector next = IntVector.fromArray(INTS, s, i + 1);
        IntVector y = word.and(UPPER_MASK).or(next.and(LOWER_MASK));
        IntVector odd = y.and(1).neg().and(MATRIX_A);
        IntVector.fromArray(INTS, s, mix).lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHR, 1))
                .lanewise(VectorOperators.XOR, odd).intoArray(s, i);
    }

    /** A 64-bit word made of two 32-bit words, the first one high, as numpy's {@code next_uint64}. */
    private long nextRaw64() {
        long high = nextRaw32();
        return (high << Integer.SIZE) | nextRaw32();
    }

    /**
     * A uniform double in {@code [0, 1)} with 53 random bits, numpy's {@code random_sample()}.
     * Consumes two words {@code a, b}: the result is {@code ((a >>> 5) * 2**26 + (b >>> 6)) / 2**53}.
     *
     * @return a value in {@code [0, 1)}
     */
    public double random() {
        int a = nextWord() >>> HIGH_WORD_SHIFT;
        int b = nextWord() >>> LOW_WORD_SHIFT;
        return (a * TWO_POW_26 + b) * TWO_POW_MINUS_53;
    }

    /**
     * A standard normal value, numpy's legacy {@code standard_normal()} (Marsaglia polar method).
     *
     * <p>If the previous call left a value in the cache, returns it and consumes no words. Otherwise draws
     * pairs of uniforms (four words per pair) until one falls strictly inside the unit circle, returns one
     * normal and caches the other; on average that is about 5.1 words.
     *
     * @return a sample of N(0, 1)
     */
    public double standardNormal() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            double value = cachedNormal;
            cachedNormal = 0.0;
            return value;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * random() - 1.0;
            x2 = 2.0 * random() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        cachedNormal = f * x1;
        hasCachedNormal = true;
        return f * x2;
    }

    /**
     * {@code n} uniform values in {@code [0, 1)}, numpy's {@code rand(n)}. Consumes {@code 2n} words.
     *
     * @param n number of values, {@code >= 0}
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public double[] rand(int n) {
        requireNonNegative(n);
        double[] out = new double[n];
        int i = 0;
        while (i < n) {
            if (position >= STATE_WORDS) {
                twist();
            }
            int pairs = Math.min(n - i, (STATE_WORDS - position) >> 1);
            if (pairs == 0) {
                out[i++] = random(); // one word left before the next twist: this value takes a word from each side
            } else {
                uniformPairs(out, i, pairs);
                i += pairs;
            }
        }
        return out;
    }

    /**
     * {@code count} values of {@link #random()} into {@code out[from ..]} from the words of the current block, which
     * holds at least {@code 2 * count} unread words: the same words, combined the same way, without a block check
     * per word.
     */
    private void uniformPairs(double[] out, int from, int count) {
        int[] t = tempered;
        int p = position;
        for (int k = 0; k < count; k++) {
            int a = t[p + 2 * k] >>> HIGH_WORD_SHIFT;
            int b = t[p + 2 * k + 1] >>> LOW_WORD_SHIFT;
            out[from + k] = (a * TWO_POW_26 + b) * TWO_POW_MINUS_53;
        }
        position = p + 2 * count;
    }

    /** MT19937's tempering of one state word. */
    private static int temper(int word) {
        int y = word;
        y ^= y >>> 11;
        y ^= (y << 7) & TEMPER_B;
        y ^= (y << 15) & TEMPER_C;
        y ^= y >>> 18;
        return y;
    }

    /**
     * A matrix of uniform values in {@code [0, 1)}, numpy's {@code rand(rows, cols)}, filled row-major.
     * Consumes {@code 2 * rows * cols} words.
     *
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @return a new matrix of shape (rows, cols)
     * @throws IllegalArgumentException if a dimension is negative
     */
    public Matrix rand(int rows, int cols) {
        return Matrix.wrap(rows, cols, rand(size(rows, cols)));
    }

    /**
     * {@code n} standard normal values, numpy's {@code randn(n)}, drawn one after another with
     * {@link #standardNormal()} (so a cached normal is used first and an odd count leaves one cached).
     * Consumes the words of {@code n} calls to {@link #standardNormal()}.
     *
     * @param n number of values, {@code >= 0}
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public double[] randn(int n) {
        requireNonNegative(n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = standardNormal();
        }
        return out;
    }

    /**
     * A matrix of standard normal values, numpy's {@code randn(rows, cols)}, filled row-major.
     * Consumes the words of {@code rows * cols} calls to {@link #standardNormal()}.
     *
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @return a new matrix of shape (rows, cols)
     * @throws IllegalArgumentException if a dimension is negative
     */
    public Matrix randn(int rows, int cols) {
        return Matrix.wrap(rows, cols, randn(size(rows, cols)));
    }

    /**
     * A uniform value in {@code [lo, hi)}, numpy's {@code uniform(lo, hi)}: {@code lo + (hi - lo) * u}.
     * {@code lo > hi} is allowed, as in numpy. Consumes two words.
     *
     * @param lo lower bound (inclusive)
     * @param hi upper bound (exclusive)
     * @return the sample
     * @throws IllegalArgumentException if {@code hi - lo} is not finite
     */
    public double uniform(double lo, double hi) {
        double range = checkedRange(lo, hi);
        return lo + range * random();
    }

    /**
     * A matrix of uniform values in {@code [lo, hi)}, numpy's {@code uniform(lo, hi, (rows, cols))}, filled
     * row-major. Consumes {@code 2 * rows * cols} words.
     *
     * @param lo   lower bound (inclusive)
     * @param hi   upper bound (exclusive)
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @return a new matrix of shape (rows, cols)
     * @throws IllegalArgumentException if {@code hi - lo} is not finite or a dimension is negative
     */
    public Matrix uniform(double lo, double hi, int rows, int cols) {
        double range = checkedRange(lo, hi);
        double[] values = new double[size(rows, cols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = lo + range * random();
        }
        return Matrix.of(rows, cols, values);
    }

    /**
     * A normal value, numpy's {@code normal(loc, scale)}: {@code loc + scale * standardNormal()}.
     * Consumes the words of one {@link #standardNormal()} call.
     *
     * @param loc   mean
     * @param scale standard deviation, not negative (NaN is passed through, as numpy does)
     * @return the sample
     * @throws IllegalArgumentException if {@code scale < 0}
     */
    public double normal(double loc, double scale) {
        requireNonNegativeScale(scale);
        return loc + scale * standardNormal();
    }

    /**
     * A matrix of normal values, numpy's {@code normal(loc, scale, (rows, cols))}, filled row-major.
     * Consumes the words of {@code rows * cols} calls to {@link #standardNormal()}.
     *
     * @param loc   mean
     * @param scale standard deviation, not negative
     * @param rows  number of rows, {@code >= 0}
     * @param cols  number of columns, {@code >= 0}
     * @return a new matrix of shape (rows, cols)
     * @throws IllegalArgumentException if {@code scale < 0} or a dimension is negative
     */
    public Matrix normal(double loc, double scale, int rows, int cols) {
        requireNonNegativeScale(scale);
        double[] values = new double[size(rows, cols)];
        for (int k = 0; k < values.length; k++) {
            values[k] = loc + scale * standardNormal();
        }
        return Matrix.of(rows, cols, values);
    }

    /**
     * A matrix of normal values with one mean per column, numpy's {@code normal(loc=[...], scale, (rows, cols))}
     * with a length-{@code cols} {@code loc} broadcast over the rows: entry {@code (i, j)} is
     * {@code loc[j] + scale * g}, with the {@code g} drawn row-major. Consumes the words of
     * {@code rows * cols} calls to {@link #standardNormal()}.
     *
     * @param loc   means, shape (cols,); not modified
     * @param scale standard deviation, not negative
     * @param rows  number of rows, {@code >= 0}
     * @param cols  number of columns, {@code >= 0}, equal to {@code loc.length}
     * @return a new matrix of shape (rows, cols)
     * @throws IllegalArgumentException if {@code scale < 0}, a dimension is negative, or {@code loc} does
     *                                  not have {@code cols} entries
     */
    public Matrix normal(double[] loc, double scale, int rows, int cols) {
        requireNonNegativeScale(scale);
        int n = size(rows, cols);
        if (loc.length != cols) {
            throw new IllegalArgumentException("shape mismatch: objects cannot be broadcast to a single shape: loc ("
                    + loc.length + ",) against size " + Shape.of(rows, cols));
        }
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = loc[k % cols] + scale * standardNormal();
        }
        return Matrix.of(rows, cols, values);
    }

    /**
     * A uniform integer in {@code [0, max]}, numpy's {@code random_interval(max)}: with {@code mask} the
     * smallest all-ones bit pattern covering {@code max}, draws {@code word & mask} until the result is at
     * most {@code max}. Consumes no words if {@code max == 0}; otherwise one word per attempt when
     * {@code max < 2**32} and two words per attempt above (fewer than two attempts on average).
     *
     * @param max the inclusive upper bound, {@code >= 0}
     * @return a value in {@code [0, max]}
     * @throws IllegalArgumentException if {@code max < 0}
     */
    public long boundedInt(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0 (was " + max + ")");
        }
        return boundedUnsigned(max);
    }

    /**
     * Masked rejection for an unsigned inclusive bound, as numpy's {@code random_interval} and its
     * {@code bounded_masked_uint32/64}: 32-bit words while the bound fits in 32 bits, 64-bit words above.
     */
    private long boundedUnsigned(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = -1L >>> Long.numberOfLeadingZeros(max);
        long value;
        if (Long.compareUnsigned(max, UNSIGNED_32) <= 0) {
            do {
                value = nextRaw32() & mask;
            } while (value > max);
        } else {
            do {
                value = nextRaw64() & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    /**
     * {@link #boundedUnsigned} for the bounds of a shuffle, {@code 0 < max < 2**31}, in int arithmetic: the mask
     * then has at most 31 bits, so every masked word is a non-negative int, and the words drawn and rejected are the
     * same.
     */
    private int boundedIndex(int max) {
        int mask = -1 >>> Integer.numberOfLeadingZeros(max);
        int value;
        do {
            value = nextWord() & mask;
        } while (value > max);
        return value;
    }

    /**
     * A uniform integer in {@code [low, high)}, numpy's legacy {@code randint(low, high)} for the default
     * 64-bit integer type: {@code low + boundedInt(high - 1 - low)} with the difference taken as an unsigned
     * 64-bit number. Consumes the words of that bounded draw (none if {@code high == low + 1}).
     *
     * @param low  lower bound (inclusive)
     * @param high upper bound (exclusive), {@code > low}
     * @return the sample
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public long randint(long low, long high) {
        requireOrderedBounds(low, high);
        return low + boundedUnsigned(high - 1 - low);
    }

    /**
     * {@code n} uniform integers in {@code [low, high)}, numpy's legacy {@code randint(low, high, size=n)};
     * the same as {@code n} calls to {@link #randint(long, long)}.
     *
     * @param low  lower bound (inclusive)
     * @param high upper bound (exclusive), {@code > low}
     * @param n    number of values, {@code >= 0}
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code low >= high} or {@code n < 0}
     */
    public long[] randint(long low, long high, int n) {
        requireOrderedBounds(low, high);
        requireNonNegative(n);
        long range = high - 1 - low;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + boundedUnsigned(range);
        }
        return out;
    }

    /**
     * Shuffles {@code values} <strong>in place</strong> like numpy's {@code shuffle}: for {@code i} from
     * {@code n - 1} down to 1, swaps entry {@code i} with entry {@code boundedInt(i)}. Consumes the words of
     * those {@code n - 1} bounded draws.
     *
     * @param values the array to shuffle; modified
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = boundedIndex(i);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /**
     * Shuffles {@code values} <strong>in place</strong> like numpy's {@code shuffle}, drawing exactly as
     * {@link #shuffle(int[])} does.
     *
     * @param values the array to shuffle; modified
     */
    public void shuffle(double[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = boundedIndex(i);
            double tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /**
     * A random permutation of {@code 0, 1, ..., n - 1}, numpy's {@code permutation(n)}: the shuffle of
     * {@code arange(n)}. Consumes the words of {@code n - 1} bounded draws.
     *
     * @param n length of the permutation, {@code >= 0}
     * @return a new array holding each of {@code 0 .. n - 1} once
     * @throws IllegalArgumentException if {@code n < 0} (numpy would return an empty array)
     */
    public int[] permutation(int n) {
        requireNonNegative(n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        shuffle(out);
        return out;
    }

    private static void requireNonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed: (" + n + ",)");
        }
    }

    /** Number of entries of a (rows, cols) array, validated by {@link Shape}. */
    private static int size(int rows, int cols) {
        return Shape.of(rows, cols).size();
    }

    private static double checkedRange(double lo, double hi) {
        double range = hi - lo;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException("Range exceeds valid bounds: uniform(" + lo + ", " + hi + ")");
        }
        return range;
    }

    /** numpy rejects any scale with its sign bit set, including -0.0, and lets NaN through. */
    private static void requireNonNegativeScale(double scale) {
        if (!Double.isNaN(scale) && (Double.doubleToRawLongBits(scale) < 0)) {
            throw new IllegalArgumentException("scale < 0 (was " + scale + ")");
        }
    }

    private static void requireOrderedBounds(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("low >= high (low " + low + ", high " + high + ")");
        }
    }
}
