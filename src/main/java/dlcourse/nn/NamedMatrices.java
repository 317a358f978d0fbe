package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An ordered, immutable map from the course's key names ({@code W1}, {@code db2}, {@code dA0}) to matrices: the Java
 * form of the Python dictionaries the course passes around. Subclasses give the keys a meaning.
 */
public abstract sealed class NamedMatrices permits Parameters, Grads {

    /** The keys in insertion order, no two equal; {@link #values} holds the matrix of each at the same index. */
    private final String[] keys;
    private final Matrix[] values;
    /** {@link #asMap()}, made on first use. */
    private Map<String, Matrix> map;

    NamedMatrices(Map<String, Matrix> entries) {
        Objects.requireNonNull(entries, "entries");
        Collector copy = new Collector();
        entries.forEach(copy::put);
        Collector checked = copy.checked();
        this.keys = checked.keys;
        this.values = checked.values;
    }

    /** Takes over the (checked, unshared) arrays of a {@link Collector}. */
    NamedMatrices(Collector entries) {
        this.keys = entries.keys;
        this.values = entries.values;
    }

    /** Layers whose keys ({@code W1}, {@code db2}, …) are made once, by {@link #layerKeys}. */
    private static final int CACHED_LAYERS = 32;

    /**
     * The keys {@code <prefix>0} … {@code <prefix>31}, so that the lookups by layer number that run in every
     * training step ({@code weights(l)}, {@code dW(l)}) do not build a string each time.
     */
    static String[] layerKeys(String prefix) {
        String[] keys = new String[CACHED_LAYERS];
        for (int l = 0; l < CACHED_LAYERS; l++) {
            keys[l] = prefix + l;
        }
        return keys;
    }

    /** {@code <prefix><layer>}, from {@code cached} (made by {@link #layerKeys}) when it holds that layer. */
    static String layerKey(String[] cached, String prefix, int layer) {
        return layer >= 0 && layer < cached.length ? cached[layer] : prefix + layer;
    }

    /** What this map holds, for messages: {@code parameters}, {@code grads}. */
    abstract String kind();

    /** Index of the key, or -1. A scan: the course's maps hold a handful of entries under short keys. */
    private int indexOf(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The matrix under a key.
     *
     * @param key a course key such as {@code W1}
     * @return the matrix
     * @throws NoSuchElementException naming the key and listing the keys that exist
     */
    public Matrix get(String key) {
        int i = key == null ? -1 : indexOf(key);
        if (i < 0) {
            throw new NoSuchElementException("no \"" + key + "\" in " + kind() + " " + this.describe());
        }
        return values[i];
    }

    /** Whether a key is present. */
    public boolean has(String key) {
        return key != null && indexOf(key) >= 0;
    }

    /** The keys in insertion order. */
    public Set<String> keys() {
        return asMap().keySet();
    }

    /** The entries in insertion order, unmodifiable. */
    public Map<String, Matrix> asMap() {
        Map<String, Matrix> m = map;
        if (m == null) {
            Map<String, Matrix> ordered = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                ordered.put(keys[i], values[i]);
            }
            m = Collections.unmodifiableMap(ordered);
            map = m;
        }
        return m;
    }

    /** Number of entries. */
    public int size() {
        return keys.length;
    }

    /**
     * The number of layers: the largest {@code l} such that {@code <prefix>1} … {@code <prefix>l} all exist.
     *
     * @param prefix {@code W} for parameters, {@code dW} for gradients
     */
    int countLayers(String prefix) {
        long present = 0; // bit l set when <prefix>l is a key, for l < 64
        for (String key : keys) {
            int l = layerNumber(key, prefix);
            if (l >= Long.SIZE) {
                return countLayersByLookup(prefix);
            }
            if (l > 0) {
                present |= 1L << l;
            }
        }
        return Long.numberOfTrailingZeros(~(present >>> 1));
    }

    /** {@link #countLayers} one key at a time, for layer numbers beyond 63. */
    private int countLayersByLookup(String prefix) {
        int l = 0;
        while (has(prefix + (l + 1))) {
            l++;
        }
        return l;
    }

    /** l when the key is {@code <prefix>l} with l written as {@code Integer.toString} writes it (l >= 1), else -1. */
    private static int layerNumber(String key, String prefix) {
        int digits = key.length() - prefix.length();
        if (digits < 1 || digits > 9 || !key.startsWith(prefix) || key.charAt(prefix.length()) == '0') {
            return -1;
        }
        int l = 0;
        for (int i = prefix.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            l = 10 * l + (c - '0');
        }
        return l;
    }

    /** The entries with one added (at the end) or replaced (in its place), as a checked collector. */
    Collector copyWith(String key, Matrix value) {
        Collector copy = new Collector(keys, values);
        copy.put(key, Objects.requireNonNull(value, "value"));
        return copy.checked();
    }

    private String describe() {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < keys.length; i++) {
            joiner.add(keys[i] + " " + values[i].shape());
        }
        return joiner.toString();
    }

    /** Lists the keys with their shapes: {@code Parameters{W1 (4, 2), b1 (4, 1)}}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + describe();
    }

    /** Equal when of the same kind with the same keys (in any order) holding equal matrices. */
    @Override
    public boolean equals(Object o) {
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        NamedMatrices other = (NamedMatrices) o;
        if (other.keys.length != keys.length) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            int j = other.indexOf(keys[i]);
            if (j < 0 || !values[i].equals(other.values[j])) {
                return false;
            }
        }
        return true;
    }

    /** The hash a {@code Map} of the same entries has. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < keys.length; i++) {
            h += keys[i].hashCode() ^ values[i].hashCode();
        }
        return h;
    }

    /**
     * Entries in insertion order, where putting a key again replaces its matrix in place (as a
     * {@link LinkedHashMap} does): what the builders collect. Not thread-safe; {@link #checked()} makes the copy an
     * instance takes over.
     */
    static final class Collector {
        /** Room for the gradients of a three-layer network (11 entries) without growing. */
        private static final int INITIAL_CAPACITY = 12;

        private String[] keys;
        private Matrix[] values;
        private int size;

        Collector() {
            this.keys = new String[INITIAL_CAPACITY];
            this.values = new Matrix[INITIAL_CAPACITY];
        }

        /** Takes the arrays over as they are. */
        private Collector(String[] keys, Matrix[] values, int size) {
            this.keys = keys;
            this.values = values;
            this.size = size;
        }

        Collector(String[] keys, Matrix[] values) {
            this.keys = Arrays.copyOf(keys, Math.max(4, keys.length + 1));
            this.values = Arrays.copyOf(values, this.keys.length);
            this.size = keys.length;
        }

        /** Adds or replaces an entry; nulls are reported by {@link #checked()}, as the maps given to instances. */
        void put(String key, Matrix value) {
            int hash = Objects.hashCode(key); // a String caches its hash: most pairs differ here, without a compare
            for (int i = 0; i < size; i++) {
                String k = keys[i];
                if (k == key || (Objects.hashCode(k) == hash && Objects.equals(k, key))) {
                    values[i] = value;
                    return;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, Math.max(4, 2 * size));
                values = Arrays.copyOf(values, keys.length);
            }
            keys[size] = key;
            values[size] = value;
            size++;
        }

        /**
         * A trimmed copy, after checking that no key and no matrix is null.
         *
         * @throws NullPointerException {@code a key is null} or {@code the matrix under "W1" is null}
         */
        Collector checked() {
            for (int i = 0; i < size; i++) {
                String key = keys[i];
                Objects.requireNonNull(key, "a key is null");
                Objects.requireNonNull(values[i], () -> "the matrix under \"" + key + "\" is null");
            }
            return new Collector(Arrays.copyOf(keys, size), Arrays.copyOf(values, size), size);
        }
    }
}
