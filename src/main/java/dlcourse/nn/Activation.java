package dlcourse.nn;

import dlcourse.core.Matrix;

/** The activations a layer of the deep network can use, with the course's names ({@code "relu"}, {@code "sigmoid"}). */
public enum Activation {
    /** σ(z) = 1 / (1 + e^−z). */
    SIGMOID("sigmoid"),
    /** max(0, z). */
    RELU("relu");

    private final String courseName;

    Activation(String courseName) {
        this.courseName = courseName;
    }

    /** The name the course uses for this activation. */
    public String courseName() {
        return courseName;
    }

    /** Applies the activation to Z, keeping Z as the cache. */
    public Activated forward(Matrix z) {
        return this == SIGMOID ? Activations.sigmoid(z) : Activations.relu(z);
    }

    /** dZ from dA and the cache of {@link #forward}. */
    public Matrix backward(Matrix dA, ActivationCache cache) {
        return this == SIGMOID ? Activations.sigmoidBackward(dA, cache) : Activations.reluBackward(dA, cache);
    }

    /**
     * The activation with this course name.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Activation of(String courseName) {
        for (Activation activation : values()) {
            if (activation.courseName.equals(courseName)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("unknown activation \"" + courseName + "\"; expected \"relu\" or"
                + " \"sigmoid\"");
    }

    @Override
    public String toString() {
        return courseName;
    }
}
