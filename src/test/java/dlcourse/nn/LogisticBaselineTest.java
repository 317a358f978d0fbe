package dlcourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;
import dlcourse.data.LabeledData;
import dlcourse.data.PlanarDatasets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticBaselineTest {

    @Test
    void three_steps_on_a_line_match_numpy() {
        // numpy: w, b = 0; three steps of w -= X·(A − Y)ᵀ·(0.5/4), b -= 0.5·Σ(A − Y)/4
        LogisticBaseline model = LogisticBaseline.train(Matrix.row(0, 1, 2, 3), Matrix.row(0, 0, 1, 1), 3, 0.5);

        assertEquals(0.49271569199509413, model.weights().item(), 1e-15);
        assertEquals(-0.10922664512683052, model.bias(), 1e-15);
        assertEquals(List.of(Math.log(2)), model.costs());
    }

    @Test
    void on_the_flower_it_labels_47_percent_correctly_as_numpy_does() {
        LabeledData flower = PlanarDatasets.flower();

        LogisticBaseline model = LogisticBaseline.train(flower.x(), flower.y());

        assertEquals(188 / 400.0, model.accuracy(flower.x(), flower.y()), 1e-12);
        assertEquals(0.028090923834857784, model.weights().get(0, 0), 1e-12);
        assertEquals(-0.20318475155313662, model.weights().get(1, 0), 1e-12);
        assertEquals(0.015555031601469949, model.bias(), 1e-12);
        assertEquals(10, model.costs().size());
        assertEquals(Math.log(2), model.costs().get(0), 1e-15);
        assertEquals(0.6731461686074701, model.costs().get(9), 1e-12);
    }

    @Test
    void predictions_are_strictly_above_one_half() {
        LogisticBaseline untrained = LogisticBaseline.train(Matrix.row(1, 2), Matrix.row(0, 1), 0, 1.0);

        assertEquals(Matrix.row(0, 0, 0), untrained.predict(Matrix.row(-1, 0, 1)));
        assertEquals(List.of(), untrained.costs());
    }

    @Test
    void labels_of_the_wrong_shape_are_rejected_with_both_shapes() {
        ShapeException error = assertThrows(ShapeException.class,
                () -> LogisticBaseline.train(Matrix.zeros(2, 3), Matrix.zeros(3, 1)));

        assertEquals("labels have shape (3, 1) but (1, 3) was expected", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticBaseline.train(Matrix.zeros(2, 3),
                Matrix.zeros(1, 3), -1, 0.1));
    }
}
