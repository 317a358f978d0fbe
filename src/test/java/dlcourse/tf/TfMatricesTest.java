package dlcourse.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/** Round trips between matrices and real TensorFlow tensors (this loads TensorFlow's native library). */
class TfMatricesTest {

    private static final Matrix M = Matrix.of(2, 3, 1.5, -2.0, 0.1, 4.0, 5.25, -6.0);

    @Test
    void a_matrix_becomes_a_float32_tensor_of_its_shape_in_row_major_order() {
        try (TFloat32 t = TfMatrices.tensorOf(M)) {
            assertEquals(Shape.of(2, 3), t.shape());
            assertEquals(-2.0f, t.getFloat(0, 1));
            assertEquals(0.1f, t.getFloat(0, 2), "rounded to float32");
            assertEquals(4.0f, t.getFloat(1, 0));
        }
    }

    @Test
    void a_fetched_tensor_reads_back_as_the_matrix_rounded_to_float32() {
        try (TFloat32 t = TfMatrices.tensorOf(M)) {
            assertEquals(Matrix.of(2, 3, 1.5, -2.0, (float) 0.1, 4.0, 5.25, -6.0), TfMatrices.toMatrix(t));
        }
    }

    @Test
    void a_constant_computes_in_a_graph_with_the_matrix_values() {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> doubled = tf.math.add(TfMatrices.constant(tf, M), TfMatrices.constant(tf, M));
            try (Result result = session.runner().fetch(doubled).run()) {
                assertEquals(Matrix.of(2, 3, 3.0, -4.0, 2 * (float) 0.1, 8.0, 10.5, -12.0),
                        TfMatrices.toMatrix(result.get(0)));
            }
        }
    }

    @Test
    void scalars_and_vectors_read_as_one_row_like_numpys_atleast_2d() {
        try (TFloat64 scalar = TFloat64.scalarOf(2.5); TInt32 vector = TInt32.vectorOf(3, -1, 7)) {
            assertEquals(Matrix.scalar(2.5), TfMatrices.toMatrix(scalar));
            assertEquals(Matrix.row(3, -1, 7), TfMatrices.toMatrix(vector));
            assertEquals(2.5, TfMatrices.toDouble(scalar));
        }
    }

    @Test
    void any_rank_reads_as_a_tensor_of_the_same_shape() {
        try (TInt64 t = TInt64.tensorOf(Shape.of(2, 1, 2), data -> {
            data.setLong(1, 0, 0, 0);
            data.setLong(0, 0, 0, 1);
            data.setLong(0, 1, 0, 0);
            data.setLong(-4, 1, 0, 1);
        })) {
            Tensor read = TfMatrices.toTensor(t);
            assertArrayEquals(new int[] {2, 1, 2}, read.shape());
            assertArrayEquals(new double[] {1, 0, 0, -4}, read.toArray());
        }
    }

    @Test
    void a_tensor_of_rank_three_is_not_a_matrix() {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(1, 2, 2))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfMatrices.toMatrix(t));
            assertEquals("a matrix needs a tensor of rank 0, 1 or 2 but this one has shape [1, 2, 2]", e.getMessage());
        }
    }

    @Test
    void to_double_needs_exactly_one_value_and_strings_are_not_numbers() {
        try (TFloat32 two = TFloat32.vectorOf(1f, 2f); TString text = TString.scalarOf("x")) {
            IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                    () -> TfMatrices.toDouble(two));
            assertEquals("expected a tensor with one value but its shape is [2]", many.getMessage());
            IllegalArgumentException string = assertThrows(IllegalArgumentException.class,
                    () -> TfMatrices.toMatrix(text));
            assertEquals("expected a float32, float64, int32 or int64 tensor but got DT_STRING", string.getMessage());
        }
    }
}
