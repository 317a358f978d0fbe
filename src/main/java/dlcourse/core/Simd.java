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

    /** The widest double species this CPU runs natively (8 lanes with AVX-512, 4 with AVX2). */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector of {@link #SPECIES}. */
    static final int LANES = SPECIES.length();

    private Simd() {
    }
}
