package dlcourse.grader.assignments;

import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.Values;
import java.util.List;
import java.util.Locale;

/**
 * The comparison a training check makes between a student's full training run and the reference run stored in the
 * fixtures: same first cost, finite costs, as many recorded costs, a final cost no worse than a band above the
 * reference's, and accuracies within bands below the reference's.
 *
 * @param name          the run, e.g. {@code model (He, lr 0.01)}
 * @param costEvery     iterations between recorded costs
 * @param iterations    iterations of the run
 * @param trainBand     accepted accuracy shortfall on the training set (fraction)
 * @param testBand      accepted accuracy shortfall on the test set (fraction)
 * @param finalCostBand the final cost may exceed the reference's by this fraction
 */
record TrainingRuns(String name, int costEvery, int iterations, double trainBand, double testBand,
                    double finalCostBand) {

    /**
     * The reference's figures from a stored run.
     *
     * @param costs         the recorded costs
     * @param trainAccuracy fraction of training examples right
     * @param testAccuracy  fraction of test examples right
     */
    record Figures(List<Double> costs, double trainAccuracy, double testAccuracy) {
        /** Copies the costs. */
        Figures {
            costs = List.copyOf(costs);
        }

        /** Reads {@code costs}, {@code train_accuracy} and {@code test_accuracy} from a fixture case. */
        static Figures of(FixtureCase stored, String prefix) {
            return new Figures(Catalogs.doubles((List<?>) Values.decode(stored.outputs().get(prefix + "costs"))),
                    Catalogs.num(Values.decode(stored.outputs().get(prefix + "train_accuracy"))),
                    Catalogs.num(Values.decode(stored.outputs().get(prefix + "test_accuracy"))));
        }
    }

    /**
     * Passes when the student's run is within the bands around the reference's, else fails saying what is off.
     *
     * @param student   the student's run
     * @param reference the stored reference run
     * @param firstHint why the first cost should be what it is
     */
    Verdict compare(Figures student, Figures reference, String firstHint) {
        List<Double> costs = student.costs();
        List<Double> refCosts = reference.costs();
        if (costs.isEmpty() || !Tolerance.NUMPY.accepts(refCosts.get(0), costs.get(0))) {
            throw new CheckFailure("The first recorded cost should be " + Feedback.number(refCosts.get(0)) + " ("
                    + firstHint + ") but was " + (costs.isEmpty() ? "missing" : Feedback.number(costs.get(0)))
                    + ".");
        }
        for (int i = 0; i < costs.size(); i++) {
            if (!Double.isFinite(costs.get(i))) {
                throw new CheckFailure("The cost became " + Feedback.number(costs.get(i)) + " at iteration "
                        + i * costEvery + ": the steps are far too large, or log(0) was taken.");
            }
        }
        double refFinal = refCosts.get(refCosts.size() - 1);
        double finalCost = costs.get(costs.size() - 1);
        if (costs.size() != refCosts.size() || finalCost > refFinal * (1 + finalCostBand)) {
            throw new CheckFailure("After " + iterations + " iterations the cost is " + Feedback.number(finalCost)
                    + " (" + costs.size() + " costs recorded); the course's run ends at " + Feedback.number(refFinal)
                    + " (" + refCosts.size() + " costs recorded).");
        }
        if (!(student.trainAccuracy() >= reference.trainAccuracy() - trainBand)
                || !(student.testAccuracy() >= reference.testAccuracy() - testBand)) {
            throw new CheckFailure(String.format(Locale.ROOT, "After %d iterations the model reaches %.2f %% train /"
                            + " %.2f %% test accuracy; the course's run reaches %.2f %% / %.2f %% (band: −%.0f / −%.0f"
                            + " points).", iterations, 100 * student.trainAccuracy(), 100 * student.testAccuracy(),
                    100 * reference.trainAccuracy(), 100 * reference.testAccuracy(), 100 * trainBand,
                    100 * testBand));
        }
        return new Verdict.Passed(String.format(Locale.ROOT,
                "%s: %.2f %% train / %.2f %% test accuracy (course: %.2f %% / %.2f %%).", name,
                100 * student.trainAccuracy(), 100 * student.testAccuracy(), 100 * reference.trainAccuracy(),
                100 * reference.testAccuracy()));
    }

    /**
     * Fails unless {@code quiet} is empty and {@code loud} has exactly the cost lines of the given iterations, in
     * order ({@code Cost after iteration 0: …}).
     */
    static void expectCostLines(String function, String quiet, String loud, List<Integer> iterations) {
        if (!quiet.isBlank()) {
            throw new CheckFailure(function + " printed output although printCost was false: \""
                    + ConsoleCapture.firstLine(quiet) + "\"");
        }
        List<String> lines = loud.lines().filter(l -> l.contains("Cost after iteration")).toList();
        boolean ok = lines.size() == iterations.size();
        for (int i = 0; ok && i < iterations.size(); i++) {
            ok = lines.get(i).startsWith("Cost after iteration " + iterations.get(i) + ":");
        }
        if (!ok) {
            throw new CheckFailure("With printCost, " + function + " should print exactly " + iterations.size()
                    + " lines \"Cost after iteration i: …\" for i = " + iterations + "; printed: " + lines);
        }
    }
}
