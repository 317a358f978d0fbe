package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Map;

/**
 * Gradients keyed as the course keys them: {@code dW1}, {@code db1}, … and {@code dA<l>} for the gradient with respect
 * to layer l's activations ({@code dA0} is the gradient with respect to X). Also the shape of the optimizers' running
 * averages {@code v} and {@code s}, which the course keys like gradients. Immutable: {@link #with} returns a copy.
 */
public final class Grads extends NamedMatrices {

    private static final String[] DW_KEYS = layerKeys("dW");
    private static final String[] DB_KEYS = layerKeys("db");
    private static final String[] DA_KEYS = layerKeys("dA");

    private Grads(Map<String, Matrix> entries) {
        super(entries);
    }

    private Grads(Collector entries) {
        super(entries);
    }

    /** Gradients holding a copy of these entries, in their iteration order. */
    public static Grads of(Map<String, Matrix> entries) {
        return new Grads(entries);
    }

    /** A builder that keeps insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code dW<l>}, the shape of {@code W<l>}. */
    public Matrix dW(int layer) {
        return get(layerKey(DW_KEYS, "dW", layer));
    }

    /** {@code db<l>}, the shape of {@code b<l>}. */
    public Matrix db(int layer) {
        return get(layerKey(DB_KEYS, "db", layer));
    }

    /** {@code dA<l>}, the shape of layer l's activations. */
    public Matrix dA(int layer) {
        return get(layerKey(DA_KEYS, "dA", layer));
    }

    /** The number of layers: how many of {@code dW1}, {@code dW2}, … exist in a row. */
    public int layers() {
        return countLayers("dW");
    }

    /** A copy with one entry added or replaced. */
    public Grads with(String key, Matrix value) {
        return new Grads(copyWith(key, value));
    }

    @Override
    String kind() {
        return "grads";
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

        /** The gradients collected so far. */
        public Grads build() {
            return new Grads(entries.checked());
        }
    }
}
