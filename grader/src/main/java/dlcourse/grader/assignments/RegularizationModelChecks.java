package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.firstLine;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dlcourse.core.Matrix;
import dlcourse.course.Regularization;
import dlcourse.course.Regularization.DropoutCache;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.nn.ThreeLayerCache;
import dlcourse.nn.ThreeLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mockito.InOrder;

/**
 * The call-pattern and property checks of assignment 6's {@code model}: which steps each setting calls, in which
 * order and with which arguments, the refusal of both regularizations at once, and the printed costs. The exercise
 * functions are replaced by stand-ins built from the given plain steps, so only the model's wiring is judged.
 */
final class RegularizationModelChecks {

    private static final int ITERATIONS = 3;
    private static final double LAMBD = 0.7;
    private static final double KEEP_PROB = 0.86;

    private RegularizationModelChecks() {
    }

    static List<Check<Regularization>> all() {
        return List.of(
                Catalogs.callPattern(RegularizationAssignment.ID, "model", "no regularization",
                        "λ = 0 and keep_prob = 1: initialize_parameters, then forward_propagation, compute_cost,"
                                + " backward_propagation, update_parameters every iteration",
                        ctx -> {
                            Wired wired = Wired.of(ctx.fresh());
                            wired.run(0.0, 1.0);
                            InOrder order = inOrder(wired.subject);
                            try {
                                order.verify(wired.subject).initializeParameters(new int[] {2, 20, 3, 1});
                                for (int i = 0; i < ITERATIONS; i++) {
                                    order.verify(wired.subject).forwardPropagation(any(), any());
                                    order.verify(wired.subject).computeCost(any(), any());
                                    order.verify(wired.subject).backwardPropagation(any(), any(), any());
                                    order.verify(wired.subject).updateParameters(any(), any(), eq(0.3));
                                }
                                verify(wired.subject, times(ITERATIONS)).forwardPropagation(any(), any());
                                verifyNone(wired, true, true);
                            } catch (AssertionError e) {
                                throw new CheckFailure("Without regularization, model must call"
                                        + " this.initializeParameters([n0, 20, 3, 1]) once, then every iteration"
                                        + " this.forwardPropagation, this.computeCost, this.backwardPropagation,"
                                        + " this.updateParameters(…, learningRate), and none of the regularized"
                                        + " steps: " + firstLine(e));
                            }
                            wired.expectSameCaches();
                            return new Verdict.Passed("the plain run uses the given steps only, in order.");
                        }),
                Catalogs.callPattern(RegularizationAssignment.ID, "model", "l2",
                        "λ > 0: forward_propagation, compute_cost_with_regularization,"
                                + " backward_propagation_with_regularization, update_parameters every iteration",
                        ctx -> {
                            Wired wired = Wired.of(ctx.fresh());
                            wired.run(LAMBD, 1.0);
                            InOrder order = inOrder(wired.subject);
                            try {
                                for (int i = 0; i < ITERATIONS; i++) {
                                    order.verify(wired.subject).forwardPropagation(any(), any());
                                    order.verify(wired.subject).computeCostWithRegularization(any(), any(), any(),
                                            eq(LAMBD));
                                    order.verify(wired.subject).backwardPropagationWithRegularization(any(), any(),
                                            any(), eq(LAMBD));
                                    order.verify(wired.subject).updateParameters(any(), any(), anyDouble());
                                }
                                verify(wired.subject, times(ITERATIONS)).computeCostWithRegularization(any(), any(),
                                        any(), anyDouble());
                                verify(wired.subject, never()).computeCost(any(), any());
                                verify(wired.subject, never()).backwardPropagation(any(), any(), any());
                                verifyNone(wired, true, false);
                            } catch (AssertionError e) {
                                throw new CheckFailure("With λ = 0.7, every iteration must call"
                                        + " this.forwardPropagation, this.computeCostWithRegularization(…, λ),"
                                        + " this.backwardPropagationWithRegularization(…, λ) and"
                                        + " this.updateParameters, in that order, and neither the plain cost and"
                                        + " backward pass nor the dropout steps: " + firstLine(e));
                            }
                            wired.expectSameCaches();
                            return new Verdict.Passed("the L2 run uses the regularized cost and gradients.");
                        }),
                Catalogs.callPattern(RegularizationAssignment.ID, "model", "dropout",
                        "keep_prob < 1: forward_propagation_with_dropout, compute_cost,"
                                + " backward_propagation_with_dropout, update_parameters every iteration",
                        ctx -> {
                            Wired wired = Wired.of(ctx.fresh());
                            wired.run(0.0, KEEP_PROB);
                            InOrder order = inOrder(wired.subject);
                            try {
                                for (int i = 0; i < ITERATIONS; i++) {
                                    order.verify(wired.subject).forwardPropagationWithDropout(any(), any(),
                                            eq(KEEP_PROB));
                                    order.verify(wired.subject).computeCost(any(), any());
                                    order.verify(wired.subject).backwardPropagationWithDropout(any(), any(), any(),
                                            eq(KEEP_PROB));
                                    order.verify(wired.subject).updateParameters(any(), any(), anyDouble());
                                }
                                verify(wired.subject, times(ITERATIONS)).forwardPropagationWithDropout(any(), any(),
                                        anyDouble());
                                verify(wired.subject, never()).forwardPropagation(any(), any());
                                verify(wired.subject, never()).backwardPropagation(any(), any(), any());
                                verifyNone(wired, false, true);
                            } catch (AssertionError e) {
                                throw new CheckFailure("With keep_prob = 0.86, every iteration must call"
                                        + " this.forwardPropagationWithDropout(…, keepProb), this.computeCost,"
                                        + " this.backwardPropagationWithDropout(…, keepProb) and"
                                        + " this.updateParameters, in that order, and neither the plain passes nor"
                                        + " the L2 steps: " + firstLine(e));
                            }
                            wired.expectSameCaches();
                            return new Verdict.Passed("the dropout run uses the dropout passes with one cache per"
                                    + " iteration.");
                        }),
                RegularizationAssignment.property("model", "one remedy at a time",
                        "λ > 0 together with keep_prob < 1 is refused", ctx -> {
                            Wired wired = Wired.of(ctx.fresh());
                            try {
                                wired.run(LAMBD, KEEP_PROB);
                            } catch (IllegalArgumentException expected) {
                                return new Verdict.Passed("both remedies at once are refused with an"
                                        + " IllegalArgumentException.");
                            }
                            throw new CheckFailure("model(…, lambd = 0.7, keepProb = 0.86) should throw an"
                                    + " IllegalArgumentException (the assignment studies one remedy at a time) but"
                                    + " returned normally.");
                        }),
                RegularizationAssignment.property("model", "printed costs",
                        "prints the cost of iterations 0 and 10000 only when asked", ctx -> {
                            Map<String, Object> in = RegularizationProbes.modelInputs(CaseSpec.of(21, 4, 10001, 0,
                                    100));
                            // the plain run calls only given steps: no stand-ins needed
                            Regularization impl = ctx.fresh();
                            Matrix x = (Matrix) in.get("X");
                            Matrix y = (Matrix) in.get("Y");
                            String quiet = ConsoleCapture.run(() -> impl.model(x, y, 0.3, 10001, false, 0, 1));
                            String loud = ConsoleCapture.run(() -> impl.model(x, y, 0.3, 10001, true, 0, 1));
                            TrainingRuns.expectCostLines("model", quiet, loud, List.of(0, 10000));
                            return new Verdict.Passed("model prints every 10000th cost only when asked to.");
                        }));
    }

    private static void verifyNone(Wired wired, boolean dropout, boolean l2) {
        if (dropout) {
            verify(wired.subject, never()).forwardPropagationWithDropout(any(), any(), anyDouble());
            verify(wired.subject, never()).backwardPropagationWithDropout(any(), any(), any(), anyDouble());
        }
        if (l2) {
            verify(wired.subject, never()).computeCostWithRegularization(any(), any(), any(), anyDouble());
            verify(wired.subject, never()).backwardPropagationWithRegularization(any(), any(), any(), anyDouble());
        }
    }

    /**
     * A spy whose exercise functions are stand-ins made of the given plain steps (values do not matter here), and
     * which notes whether each backward pass received the cache of the forward pass just before it.
     */
    private static final class Wired {
        final Regularization subject;
        final List<Object> forwardCaches = new ArrayList<>();
        final List<String> wrongCaches = new ArrayList<>();

        private Wired(Regularization subject) {
            this.subject = subject;
        }

        static Wired of(Regularization impl) {
            Wired wired = new Wired(spy(impl));
            Regularization s = wired.subject;
            doAnswer(inv -> {
                Object cache = inv.callRealMethod();
                wired.forwardCaches.add(cache);
                return cache;
            }).when(s).forwardPropagation(any(), any());
            doAnswer(inv -> ThreeLayerNet.meanCost(inv.getArgument(0), inv.getArgument(1))).when(s)
                    .computeCostWithRegularization(any(), any(), any(), anyDouble());
            doAnswer(inv -> {
                wired.noteBackward(inv.getArgument(2), "backwardPropagationWithRegularization");
                return ThreeLayerNet.backward(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2));
            }).when(s).backwardPropagationWithRegularization(any(), any(), any(), anyDouble());
            doAnswer(inv -> {
                ThreeLayerCache c = ThreeLayerNet.forward(inv.getArgument(0), inv.getArgument(1));
                DropoutCache cache = new DropoutCache(c.z1(), Matrix.ones(c.a1().rows(), c.a1().cols()), c.a1(),
                        c.w1(), c.b1(), c.z2(), Matrix.ones(c.a2().rows(), c.a2().cols()), c.a2(), c.w2(), c.b2(),
                        c.z3(), c.a3(), c.w3(), c.b3());
                wired.forwardCaches.add(cache);
                return cache;
            }).when(s).forwardPropagationWithDropout(any(), any(), anyDouble());
            doAnswer(inv -> {
                DropoutCache d = inv.getArgument(2);
                wired.noteBackward(d, "backwardPropagationWithDropout");
                return ThreeLayerNet.backward(inv.getArgument(0), inv.getArgument(1), new ThreeLayerCache(d.z1(),
                        d.a1(), d.w1(), d.b1(), d.z2(), d.a2(), d.w2(), d.b2(), d.z3(), d.a3(), d.w3(), d.b3()));
            }).when(s).backwardPropagationWithDropout(any(), any(), any(), anyDouble());
            doAnswer(inv -> {
                wired.noteBackward(inv.getArgument(2), "backwardPropagation");
                return inv.callRealMethod();
            }).when(s).backwardPropagation(any(), any(), any());
            return wired;
        }

        private void noteBackward(Object cache, String step) {
            if (forwardCaches.isEmpty() || forwardCaches.get(forwardCaches.size() - 1) != cache) {
                wrongCaches.add(step);
            }
        }

        void run(double lambd, double keepProb) {
            Map<String, Object> in = RegularizationProbes.modelInputs(CaseSpec.of(22, 5, ITERATIONS, 0, 100));
            subject.model((Matrix) in.get("X"), (Matrix) in.get("Y"), 0.3, ITERATIONS, false, lambd, keepProb);
        }

        void expectSameCaches() {
            if (!wrongCaches.isEmpty()) {
                throw new CheckFailure("this." + wrongCaches.get(0) + " must get the cache of the forward pass of the"
                        + " same iteration (the one just computed), so that it sees the same activations and masks.");
            }
        }
    }
}
