package dlcourse.nn;

import dlcourse.core.Matrix;
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

    private final Map<String, Matrix> entries;

    NamedMatrices(Map<String, Matrix> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<String, Matrix> copy = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            Objects.requireNonNull(key, "a key is null");
            copy.put(key, Objects.requireNonNull(value, () -> "the matrix under \"" + key + "\" is null"));
        });
        this.entries = Collections.unmodifiableMap(copy);
    }

    /** What this map holds, for messages: {@code parameters}, {@code grads}. */
    abstract String kind();

    /**
     * The matrix under a key.
     *
     * @param key a course key such as {@code W1}
     * @return the matrix
     * @throws NoSuchElementException naming the key and listing the keys that exist
     */
    public Matrix get(String key) {
        Matrix value = entries.get(key);
        if (value == null) {
            throw new NoSuchElementException("no \"" + key + "\" in " + kind() + " " + this.describe());
        }
        return value;
    }

    /** Whether a key is present. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The keys in insertion order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** The entries in insertion order, unmodifiable. */
    public Map<String, Matrix> asMap() {
        return entries;
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    /**
     * The number of layers: the largest {@code l} such that {@code <prefix>1} … {@code <prefix>l} all exist.
     *
     * @param prefix {@code W} for parameters, {@code dW} for gradients
     */
    int countLayers(String prefix) {
        int l = 0;
        while (entries.containsKey(prefix + (l + 1))) {
            l++;
        }
        return l;
    }

    Map<String, Matrix> copyWith(String key, Matrix value) {
        Map<String, Matrix> copy = new LinkedHashMap<>(entries);
        copy.put(key, Objects.requireNonNull(value, "value"));
        return copy;
    }

    private String describe() {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        entries.forEach((key, value) -> joiner.add(key + " " + value.shape()));
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
        return o != null && o.getClass() == getClass() && entries.equals(((NamedMatrices) o).entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
