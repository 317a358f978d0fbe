package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Map;

/**
 * A network's parameters keyed as the course keys them: {@code W1}, {@code b1}, … {@code WL}, {@code bL}. Optimizer
 * state that mirrors the gradients ({@code v}, {@code s}) is a {@link Grads}. Immutable: {@link #with} returns a copy.
 */
public final class Parameters extends NamedMatrices {

    private static final String[] WEIGHT_KEYS = layerKeys("W");
    private static final String[] BIAS_KEYS = layerKeys("b");

    private Parameters(Map<String, Matrix> entries) {
        super(entries);
    }

    private Parameters(Collector entries) {
        super(entries);
    }

    /** Parameters holding a copy of these entries, in their iteration order. */
    public static Parameters of(Map<String, Matrix> entries) {
        return new Parameters(entries);
    }

    /** A builder that keeps insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code W<l>}, shape (n[l], n[l-1]). */
    public Matrix weights(int layer) {
        return get(layerKey(WEIGHT_KEYS, "W", layer));
    }

    /** {@code b<l>}, shape (n[l], 1). */
    public Matrix bias(int layer) {
        return get(layerKey(BIAS_KEYS, "b", layer));
    }

    /** The number of layers L: how many of {@code W1}, {@code W2}, … exist in a row. */
    public int layers() {
        return countLayers("W");
    }

    /** A copy with one entry added or replaced. */
    public Parameters with(String key, Matrix value) {
        return new Parameters(copyWith(key, value));
    }

    @Override
    String kind() {
        return "parameters";
    }

    /** Collects entries in order. */
    public static final class Builder {
        private final Collector entries = new Collector();

        private Builder() {
        }

        /** Adds or replaces an entry. */
        public Builder put(String key, Matrix value) {
            entries.put(key, value);
            return this;
        }

        /** The parameters collected so far. */
        public Parameters build() {
            return new Parameters(entries.checked());
        }
    }
}
