package dlcourse.grader.report;

import dlcourse.core.Matrix;
import dlcourse.grader.render.BoundaryPlot;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made reports for the tests of the report's views: one check of every verdict, a failed value check with its
 * detail and diagnosis, an errored check with the student's file:line, a failed gradient check with a 3 × 4 heat map
 * and a learning curve.
 */
public final class SampleReports {

    public static final String SUBJECT = "Ada Lovelace";
    public static final double EXPECTED_DW = 0.99845601;
    public static final double GOT_DW = 2.99536803;
    public static final String DIAGNOSIS = "forgot the 1/m factor in dw";
    public static final String EXCEPTION =
            "java.lang.IllegalArgumentException: dot: inner dimensions differ: (1, 2) \u00b7 (1, 3)";
    public static final String LOCATION = "Logistic.java:57";
    public static final String GRADER_ERROR_MESSAGE = "fixture logistic/model.json has no key 'costs'";
    /** Row-major relative differences of dW1, shape (3, 4): column 2 is wrong. */
    public static final List<Double> HEATMAP = List.of(
            3e-10, 1e-9, 0.42, 2e-10,
            5e-10, 4e-10, 0.38, 1e-9,
            2e-9, 6e-10, 0.51, 7e-10);
    public static final List<Double> REFERENCE_COSTS = List.of(0.693147, 0.584508, 0.466949, 0.376007, 0.331463,
            0.303273, 0.279880, 0.260042, 0.242941, 0.228004, 0.214820, 0.203078, 0.192544, 0.183033, 0.174399,
            0.166521, 0.159305, 0.152667, 0.146542, 0.140872);

    private SampleReports() {
    }

    /** Assignment 1 with one check of every verdict, assignment 2 with a failed gradient check and a curve. */
    public static Report sample() {
        return sample(SUBJECT);
    }

    /** {@link #sample()} for another subject. */
    public static Report sample(String subject) {
        return Report.of(subject, provenance(), List.of(logistic(), shallow()));
    }

    public static Provenance provenance() {
        return new Provenance("0.1.0-SNAPSHOT", "1e8c1bc2f0a4", "17.0.15+6-Debian-1deb12u1", true, List.of(1L, 2L, 3L),
                "public", "exercises", "2025-11-25T13:15:00Z", 4210);
    }

    public static CheckResult failedValueCheck() {
        Detail detail = new Detail("dw", "(2, 1)", "(2, 1)", List.of(1, 0), EXPECTED_DW, GOT_DW, 2, 2,
                "STRICT (rtol 1e-7, atol 1e-9)", null, null, null, null, null);
        return new CheckResult("logistic.propagate.value.seed-1", "propagate", "value", "public", "value (seed 1)",
                0, 2, "failed", "dw differs in 2 of 2 entries; worst at [1, 0]: expected 0.99845601 but was "
                + "2.99536803 (|diff| 2.0e+00 > 1.0e-07).", DIAGNOSIS, 3, detail);
    }

    private static AssignmentResult logistic() {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new CheckResult("logistic.sigmoid.value.seed-1", "sigmoid", "value", "public", "value (seed 1)",
                1, 1, "passed", "sigmoid matches the reference on 5 entries.", null, 1, null));
        checks.add(new CheckResult("logistic.sigmoid.value.seed-7", "sigmoid", "value", "hidden",
                "value (hidden seed 7)", 1, 1, "passed", "sigmoid matches the reference on 9 entries.", null, 1,
                null));
        checks.add(new CheckResult("logistic.propagate.shape.seed-1", "propagate", "shape", "public",
                "shapes (seed 1)", 1, 1, "passed", "dw, db and cost have the expected shapes.", null, 2, null));
        checks.add(failedValueCheck());
        checks.add(new CheckResult("logistic.optimize.value.seed-1", "optimize", "value", "public", "value (seed 1)",
                0, 2, "errored", "optimize threw IllegalArgumentException.", null, 4,
                Detail.error(EXCEPTION, LOCATION)));
        checks.add(new CheckResult("logistic.predict.value.seed-1", "predict", "value", "public", "value (seed 1)",
                0, 1, "not_implemented", "predict is not implemented yet.", null, 0, null));
        checks.add(new CheckResult("logistic.model.training.lr-0.005", "model", "training", "public",
                "training (lr=0.005)", 0, 2, "timed_out", "model did not finish within 10 s.", null, 10_000,
                Detail.error(null, "Logistic.java:112")));
        checks.add(new CheckResult("logistic.model.call_pattern", "model", "call_pattern", "public",
                "call pattern", 0, 0, "grader_error", GRADER_ERROR_MESSAGE, null, 1, null));
        return result("logistic", "Logistic regression as a neural network", checks, List.of(new Curve(
                "model (lr=0.005)", 100, slower(REFERENCE_COSTS), REFERENCE_COSTS)));
    }

    private static AssignmentResult shallow() {
        Detail detail = new Detail("dW1", "(3, 4)", "(3, 4)", List.of(2, 2), 0.0132, 0.00437, 3, 12,
                "GRADIENT (relative difference < 2e-7)", HEATMAP, 3, 4, null, null);
        List<CheckResult> checks = List.of(
                new CheckResult("shallow.layer_sizes.value.seed-1", "layer_sizes", "value", "public",
                        "value (seed 1)", 1, 1, "passed", "layer_sizes matches the reference.", null, 0, null),
                new CheckResult("shallow.backward_propagation.gradient.seed-2", "backward_propagation", "gradient",
                        "public", "gradient (seed 2)", 0, 3, "failed",
                        "Your gradients disagree with centred differences: relative difference 3.1e-01 > 2.0e-07; "
                                + "worst tensor dW1, worst entry [2, 2].", "dZ1 uses tanh instead of its derivative",
                        48, detail));
        AssignmentResult plain = result("shallow", "Planar data classification with one hidden layer", checks,
                List.of());
        Matrix points = Matrix.of(2, 4, -1.0, 1.0, -2.0, 2.0, 0.5, -0.5, 1.5, -1.5);
        Figure boundary = BoundaryPlot.of("n_h = 4", points, Matrix.row(0, 1, 0, 1),
                grid -> grid.rows(0, 1).greaterThan(0.0)).figure("Blue: labelled 1; red: labelled 0.");
        return new AssignmentResult(plain.assignment(), plain.title(), plain.score(), plain.maxScore(),
                plain.checks(), plain.curves(), List.of(boundary));
    }

    private static AssignmentResult result(String id, String title, List<CheckResult> checks, List<Curve> curves) {
        double score = checks.stream().mapToDouble(CheckResult::points).sum();
        double max = checks.stream().mapToDouble(CheckResult::maxPoints).sum();
        return new AssignmentResult(id, title, score, max, checks, curves);
    }

    /** A student's curve that learns more slowly than the reference. */
    private static List<Double> slower(List<Double> reference) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            double r = reference.get(i);
            out.add(r + (0.693147 - r) * 0.35);
        }
        return out;
    }
}
