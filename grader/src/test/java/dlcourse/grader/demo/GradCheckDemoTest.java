package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.GradientChecking;
import dlcourse.course.NotImplementedYet;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gradcheck demo's bookkeeping without the reference solution: a stand-in whose checks return made-up
 * differences and record what they were given. (The course's figures are pinned by the solutions'
 * GradCheckDemoFiguresTest.)
 */
class GradCheckDemoTest {

    /** Returns 1e-10 for the 1-D check, 3e-8 for its own all-zero gradients and 0.5 for the given ones. */
    private static class StandIn implements GradientChecking {
        final List<String> calls = new ArrayList<>();

        @Override
        public double forwardPropagation(double x, double theta) {
            throw new NotImplementedYet("forward_propagation");
        }

        @Override
        public double backwardPropagation(double x, double theta) {
            throw new NotImplementedYet("backward_propagation");
        }

        @Override
        public double gradientCheck(double x, double theta, double epsilon, boolean printMsg) {
            calls.add("1d x=" + x + " theta=" + theta + " eps=" + epsilon + (printMsg ? " printing" : ""));
            return 1e-10;
        }

        @Override
        public Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
            calls.add("backward " + x.shape() + " y " + java.util.Arrays.toString(y.toArray()));
            Grads.Builder g = Grads.builder();
            for (String key : List.of("W1", "b1", "W2", "b2", "W3", "b3")) {
                Matrix like = switch (key) {
                    case "W1" -> cache.w1();
                    case "b1" -> cache.b1();
                    case "W2" -> cache.w2();
                    case "b2" -> cache.b2();
                    case "W3" -> cache.w3();
                    default -> cache.b3();
                };
                g.put("d" + key, Matrix.zeros(like.rows(), like.cols()));
            }
            return g.build();
        }

        @Override
        public double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y, double epsilon,
                                     boolean printMsg) {
            calls.add("nd " + parameters.size() + " parameters" + (printMsg ? " printing" : ""));
            return gradients.dW(2).norm() == 0 ? 3e-8 : 0.5;
        }
    }

    @Test
    void runs_the_three_checks_of_the_course_in_its_order_without_printing_from_the_implementation() {
        StandIn standIn = new StandIn();

        DemoResult result = new GradCheckDemo().run(standIn, new PrintWriter(new StringWriter()));

        assertEquals(List.of("1d x=2.0 theta=4.0 eps=1.0E-7", "nd 6 parameters",
                "backward (4, 3) y [1.0, 1.0, 0.0]", "nd 6 parameters"), standIn.calls);
        assertEquals("gradcheck", result.assignment());
        assertEquals(List.of("1d", "nd_buggy", "nd_fixed"), result.runs().stream().map(DemoResult.Run::name).toList());
        assertEquals(List.of(1e-10, 0.5, 3e-8), result.runs().stream().map(DemoResult.Run::difference).toList());
    }

    @Test
    void prints_the_notebooks_verdict_lines_with_pythons_spelling_of_the_numbers() {
        StringWriter output = new StringWriter();

        new GradCheckDemo().run(new StandIn(), new PrintWriter(output));

        assertEquals(List.of("Your backward propagation works perfectly fine! difference = 1e-10",
                "There is a mistake in the backward propagation! difference = 0.5",
                "Your backward propagation works perfectly fine! difference = 3e-08"), output.toString().lines()
                .toList());
    }

    @Test
    void the_json_carries_a_difference_per_run_and_no_accuracy() {
        String json = new GradCheckDemo().run(new StandIn(), new PrintWriter(new StringWriter())).toJson();

        assertEquals("{\"assignment\":\"gradcheck\",\"runs\":[{\"name\":\"1d\",\"costs\":[],\"cost_every\":1,"
                + "\"difference\":1.0E-10},{\"name\":\"nd_buggy\",\"costs\":[],\"cost_every\":1,\"difference\":0.5},"
                + "{\"name\":\"nd_fixed\",\"costs\":[],\"cost_every\":1,\"difference\":3.0E-8}]}", json);
    }

    @Test
    void the_example_is_the_courses_seed_1_draw() {
        GradCheckDemo.Example example = GradCheckDemo.Example.course();

        // numpy: seed(1); randn(4, 3)[0, 0], then randn(5, 4)[0, 0]
        assertEquals(1.6243453636632417, example.x().get(0, 0), 0.0);
        assertEquals(Matrix.row(1, 1, 0), example.y());
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), List.copyOf(example.parameters().keys()));
        assertEquals(-0.3224172040135075, example.parameters().weights(1).get(0, 0), 0.0);
    }

    @Test
    void a_backward_pass_that_returns_null_is_reported() {
        StandIn nothing = new StandIn() {
            @Override
            public Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
                return null;
            }
        };

        DemoException error = assertThrows(DemoException.class,
                () -> new GradCheckDemo().run(nothing, new PrintWriter(new StringWriter())));

        assertEquals("backward_propagation_n returned null", error.getMessage());
    }

    @Test
    void python_spells_floats_positionally_from_1e_4_and_in_exponent_form_below() {
        assertEquals("0.2850931567761623", GradCheckDemo.pythonRepr(0.2850931567761623));
        assertEquals("1.1890913024229996e-07", GradCheckDemo.pythonRepr(1.1890913024229996e-07));
        assertEquals("2.919335883291695e-10", GradCheckDemo.pythonRepr(2.919335883291695e-10));
        assertEquals("0.0001", GradCheckDemo.pythonRepr(1e-4));
        assertEquals("1e-05", GradCheckDemo.pythonRepr(1e-5));
        assertEquals("8.0", GradCheckDemo.pythonRepr(8));
        assertEquals("1e+16", GradCheckDemo.pythonRepr(1e16));
        assertEquals("123456789.0", GradCheckDemo.pythonRepr(123456789));
        assertEquals("-0.0", GradCheckDemo.pythonRepr(-0.0));
        assertEquals("nan", GradCheckDemo.pythonRepr(Double.NaN));
        assertEquals("-inf", GradCheckDemo.pythonRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void the_registry_knows_the_demo_after_logistic() {
        assertTrue(Demos.ids().indexOf("gradcheck") > Demos.ids().indexOf("logistic"));
        assertEquals(GradCheckDemo.IMPLEMENTATION_CLASS, Demos.find("gradcheck").orElseThrow().implementationClass());
    }
}
