package dlcourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class NamedMatricesTest {

    private static Parameters twoLayers() {
        return Parameters.builder().put("W1", Matrix.ones(4, 2)).put("b1", Matrix.zeros(4, 1))
                .put("W2", Matrix.ones(1, 4)).put("b2", Matrix.zeros(1, 1)).build();
    }

    @Test
    void parameters_keep_insertion_order_and_count_layers() {
        Parameters p = twoLayers();
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(p.keys()));
        assertEquals(2, p.layers());
        assertEquals(Matrix.ones(1, 4), p.weights(2));
        assertEquals(Matrix.zeros(4, 1), p.bias(1));
        assertEquals("Parameters{W1 (4, 2), b1 (4, 1), W2 (1, 4), b2 (1, 1)}", p.toString());
    }

    @Test
    void a_missing_key_names_the_key_and_lists_what_exists() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> twoLayers().weights(3));
        assertEquals("no \"W3\" in parameters {W1 (4, 2), b1 (4, 1), W2 (1, 4), b2 (1, 1)}", e.getMessage());
    }

    @Test
    void with_returns_a_copy_and_leaves_the_original() {
        Parameters p = twoLayers();
        Parameters q = p.with("W1", Matrix.zeros(4, 2));
        assertEquals(Matrix.ones(4, 2), p.weights(1));
        assertEquals(Matrix.zeros(4, 2), q.weights(1));
        assertNotEquals(p, q);
    }

    @Test
    void the_source_map_is_copied_in_and_the_view_is_read_only() {
        Map<String, Matrix> source = new LinkedHashMap<>();
        source.put("dW1", Matrix.ones(2, 2));
        Grads g = Grads.of(source);
        source.put("db1", Matrix.ones(2, 1));
        assertFalse(g.has("db1"));
        assertThrows(UnsupportedOperationException.class, () -> g.asMap().put("db1", Matrix.ones(2, 1)));
        assertEquals(1, g.layers());
    }

    @Test
    void grads_name_their_entries_as_the_course_does() {
        Grads g = Grads.builder().put("dA0", Matrix.ones(2, 3)).put("dW1", Matrix.ones(1, 2))
                .put("db1", Matrix.zeros(1, 1)).build();
        assertEquals(Matrix.ones(2, 3), g.dA(0));
        assertEquals(Matrix.zeros(1, 1), g.db(1));
        assertTrue(assertThrows(NoSuchElementException.class, () -> g.dA(1)).getMessage().contains("grads"));
    }

    @Test
    void parameters_and_grads_with_the_same_entries_are_not_equal() {
        Map<String, Matrix> entries = Map.of("W1", Matrix.ones(1, 1));
        assertNotEquals(Parameters.of(entries), Grads.of(entries));
        assertEquals(Parameters.of(entries), Parameters.of(new LinkedHashMap<>(entries)));
    }

    @Test
    void null_matrices_are_rejected_with_their_key() {
        Map<String, Matrix> entries = new LinkedHashMap<>();
        entries.put("b1", null);
        assertEquals("the matrix under \"b1\" is null",
                assertThrows(NullPointerException.class, () -> Parameters.of(entries)).getMessage());
    }

    @Test
    void layers_count_only_an_unbroken_run_of_exact_keys() {
        Matrix m = Matrix.zeros(1, 1);
        assertEquals(0, Parameters.builder().put("b1", m).build().layers());
        assertEquals(2, Parameters.builder().put("W2", m).put("W1", m).put("W4", m).build().layers());
        assertEquals(0, Parameters.builder().put("W01", m).put("W", m).put("Wx", m).build().layers());
        assertEquals(1, Grads.builder().put("dW1", m).put("W2", m).put("dW1x", m).build().layers());
        Parameters.Builder deep = Parameters.builder();
        for (int l = 1; l <= 70; l++) {
            deep.put("W" + l, m);
        }
        assertEquals(70, deep.build().layers());
    }

    @Test
    void putting_a_key_again_replaces_it_in_place_and_a_builder_stays_separate_from_what_it_built() {
        Matrix a = Matrix.scalar(1);
        Matrix b = Matrix.scalar(2);
        Parameters.Builder builder = Parameters.builder().put("W1", a).put("b1", a).put("W1", b);
        Parameters built = builder.build();
        builder.put("b1", b).put("W2", b);
        assertEquals(List.of("W1", "b1"), List.copyOf(built.keys()));
        assertEquals(b, built.get("W1"));
        assertEquals(a, built.get("b1"));
        Parameters replaced = built.with("W1", a).with("W3", b);
        assertEquals(List.of("W1", "b1", "W3"), List.copyOf(replaced.keys()));
        assertEquals(a, replaced.get("W1"));
        assertFalse(replaced.has(null));
    }

    @Test
    void equality_and_hash_follow_the_entries_in_any_order_as_maps_do() {
        Matrix a = Matrix.scalar(1);
        Matrix b = Matrix.scalar(2);
        Parameters ab = Parameters.builder().put("W1", a).put("b1", b).build();
        Parameters ba = Parameters.builder().put("b1", b).put("W1", a).build();
        assertEquals(ab, ba);
        assertEquals(ab.hashCode(), ba.hashCode());
        assertEquals(ab.asMap().hashCode(), ab.hashCode());
        assertNotEquals(ab, Parameters.builder().put("W1", a).put("b1", a).build());
        assertNotEquals(ab, Parameters.builder().put("W1", a).build());
    }
}
