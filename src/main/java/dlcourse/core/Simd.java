package dlcourse.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Switches between the Vector API kernels and their scalar twins.
 *
 * <p>Read once at class initialisation from the system property {@value #PROPERTY} ({@code true} unless set to
 * {@code false}), so that the JIT folds the branch away. Tests call the twins directly and do not depend on it.
 */
final class Simd {

    /** System property that routes every kernel to its scalar twin when set to {@code false}. */
    static final String PROPERTY = "dlcourse.simd";

    /** Whether the vector kernels are used. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));

    /**
     * System property that, when {@code true}, runs exp, log, tanh and sigmoid on their scalar twins while every
     * other kernel stays vectorised: see {@link #REPRODUCIBLE}.
     */
    static final String REPRODUCIBLE_PROPERTY = "dlcourse.reproducible";

    /**
     * Whether the transcendental functions run on their scalar twins. The Vector API's exp, log and tanh give
     * slightly different last bits when C2 has compiled them (its own vector routines) than before (the Java
     * fallback, lane by lane), and when the compiled code takes over depends on timing; a
     * long, sensitive training run can then print a different figure from one run to the next. {@link Math}'s
     * functions give the same bits interpreted and compiled, and the other kernels (products, sums, arithmetic,
     * comparisons) are exact in both, so with this set two runs of the same program give the same bits.
     */
    static final boolean REPRODUCIBLE = Boolean.getBoolean(REPRODUCIBLE_PROPERTY);

    /** The widest double species this CPU runs natively (8 lanes with AVX-512, 4 with AVX2). */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector of {@link #SPECIES}. */
    static final int LANES = SPECIES.length();

    private Simd() {
    }
}
