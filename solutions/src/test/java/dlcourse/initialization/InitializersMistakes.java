package dlcourse.initialization;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.nn.Parameters;
import java.util.Map;
import java.util.function.IntBinaryOperator;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's initialization catalog. Their
 * outputs are stored in the fixtures so that a student's identical output can be named. Instructor-only: this file
 * lives with the solutions' tests and never reaches the student edition.
 */
public final class InitializersMistakes {

    private InitializersMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, Initializers> variants() {
        return Map.of(
                "zeros_transposed", new Initializers() {
                    @Override
                    public Parameters initializeParametersZeros(int[] layersDims) {
                        Parameters.Builder p = Parameters.builder();
                        for (int l = 1; l < layersDims.length; l++) {
                            p.put("W" + l, Matrix.zeros(layersDims[l - 1], layersDims[l]));
                            p.put("b" + l, Matrix.zeros(layersDims[l], 1));
                        }
                        return p.build();
                    }
                },
                "random_unscaled", new Initializers() {
                    @Override
                    public Parameters initializeParametersRandom(int[] layersDims) {
                        return scaledNormal(layersDims, (rows, fanIn) -> 1, false, 1.0);
                    }
                },
                "random_uniform", new Initializers() {
                    @Override
                    public Parameters initializeParametersRandom(int[] layersDims) {
                        RandomState random = new RandomState(SEED);
                        Parameters.Builder p = Parameters.builder();
                        for (int l = 1; l < layersDims.length; l++) {
                            p.put("W" + l, random.rand(layersDims[l], layersDims[l - 1]).multiply(RANDOM_SCALE));
                            p.put("b" + l, Matrix.zeros(layersDims[l], 1));
                        }
                        return p.build();
                    }
                },
                "he_fan_out", new Initializers() {
                    @Override
                    public Parameters initializeParametersHe(int[] layersDims) {
                        return scaledNormal(layersDims, (rows, fanIn) -> rows, false, 2.0);
                    }
                },
                "he_without_2", new Initializers() {
                    @Override
                    public Parameters initializeParametersHe(int[] layersDims) {
                        return scaledNormal(layersDims, (rows, fanIn) -> fanIn, false, 1.0);
                    }
                },
                "he_integer_division", new Initializers() {
                    @Override
                    public Parameters initializeParametersHe(int[] layersDims) {
                        RandomState random = new RandomState(SEED);
                        Parameters.Builder p = Parameters.builder();
                        for (int l = 1; l < layersDims.length; l++) {
                            int ratio = 2 / layersDims[l - 1];
                            p.put("W" + l, random.randn(layersDims[l], layersDims[l - 1]).multiply(Math.sqrt(ratio)));
                            p.put("b" + l, Matrix.zeros(layersDims[l], 1));
                        }
                        return p.build();
                    }
                },
                "he_reseeded_per_layer", new Initializers() {
                    @Override
                    public Parameters initializeParametersHe(int[] layersDims) {
                        return scaledNormal(layersDims, (rows, fanIn) -> fanIn, true, 2.0);
                    }
                },
                "model_ignores_initialization", new Initializers() {
                    @Override
                    public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                                       String initialization) {
                        return super.model(x, y, learningRate, numIterations, printCost, "he");
                    }
                });
    }

    /**
     * Seed 3, then {@code W<l> = randn(n[l], n[l-1]) · sqrt(numerator / divisor(n[l], n[l-1]))} (the random
     * initializer's "divisor 1, numerator 1" gives plain randn), zero biases; optionally reseeding every layer.
     */
    private static Parameters scaledNormal(int[] layersDims, IntBinaryOperator divisor, boolean reseed,
                                           double numerator) {
        RandomState random = new RandomState(Initializers.SEED);
        Parameters.Builder p = Parameters.builder();
        for (int l = 1; l < layersDims.length; l++) {
            if (reseed) {
                random = new RandomState(Initializers.SEED);
            }
            double scale = Math.sqrt(numerator / divisor.applyAsInt(layersDims[l], layersDims[l - 1]));
            p.put("W" + l, random.randn(layersDims[l], layersDims[l - 1]).multiply(scale));
            p.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return p.build();
    }
}
