package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.NotImplementedYet;
import dlcourse.course.OptimizationMethods;
import dlcourse.course.OptimizationMethods.Decay;
import dlcourse.course.OptimizationMethods.Hyperparameters;
import dlcourse.course.OptimizationMethods.Optimizer;
import dlcourse.data.LabeledData;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimization demo's bookkeeping without the reference solution: a stand-in model with made-up costs and
 * parameters on four points. (The course's figures on the moons are pinned by the solutions'
 * OptimizationDemoFiguresTest.)
 */
class OptimizationDemoTest {

    /** Four points on a line; the stand-in's parameters label a point 1 when its first coordinate is positive. */
    private static final LabeledData POINTS = new LabeledData(Matrix.of(2, 4, -2, -1, 1, 2, 0, 0, 0, 0),
            Matrix.row(0, 1, 1, 1));

    /** Records each model call; costs 1/(k+1) for the k-th recorded epoch; decays as α0 / 2 per call. */
    private static class StandIn implements OptimizationMethods {
        final List<String> calls = new ArrayList<>();

        @Override
        public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters h,
                             boolean printCost) {
            calls.add(optimizer.courseName() + " lr=" + h.learningRate() + " epochs=" + h.numEpochs() + " decay="
                    + h.decay() + " rate=" + h.decayRate() + " interval=" + h.timeInterval() + " batch="
                    + h.miniBatchSize() + " dims=" + java.util.Arrays.toString(layersDims)
                    + (printCost ? " printing" : ""));
            List<Double> costs = new ArrayList<>();
            for (int i = 0; i < h.numEpochs(); i += COST_EVERY) {
                costs.add(1.0 / (i / COST_EVERY + 1));
            }
            Parameters p = Parameters.builder().put("W1", Matrix.of(1, 2, 1, 0)).put("b1", Matrix.zeros(1, 1))
                    .put("W2", Matrix.of(1, 1, 1)).put("b2", Matrix.zeros(1, 1))
                    .put("W3", Matrix.of(1, 1, 100)).put("b3", Matrix.of(1, 1, -1)).build();
            return new Trained(p, costs);
        }

        @Override
        public double updateLr(double learningRate0, int epochNum, double decayRate) {
            return learningRate0 / 2;
        }

        @Override
        public double scheduleLrDecay(double learningRate0, int epochNum, double decayRate, int timeInterval) {
            return learningRate0 / 4;
        }

        @Override
        public Parameters updateParametersWithGd(Parameters parameters, Grads grads, double learningRate) {
            throw new NotImplementedYet("update_parameters_with_gd");
        }

        @Override
        public List<MiniBatch> randomMiniBatches(Matrix x, Matrix y, int miniBatchSize, long seed) {
            throw new NotImplementedYet("random_mini_batches");
        }

        @Override
        public Grads initializeVelocity(Parameters parameters) {
            throw new NotImplementedYet("initialize_velocity");
        }

        @Override
        public MomentumUpdate updateParametersWithMomentum(Parameters parameters, Grads grads, Grads v, double beta,
                                                           double learningRate) {
            throw new NotImplementedYet("update_parameters_with_momentum");
        }

        @Override
        public AdamState initializeAdam(Parameters parameters) {
            throw new NotImplementedYet("initialize_adam");
        }

        @Override
        public AdamUpdate updateParametersWithAdam(Parameters parameters, Grads grads, Grads v, Grads s, int t,
                                                   double learningRate, double beta1, double beta2, double epsilon) {
            throw new NotImplementedYet("update_parameters_with_adam");
        }
    }

    @Test
    void runs_the_courses_seven_settings_in_its_order_without_printing_from_the_model() {
        StandIn model = new StandIn();

        DemoResult result = OptimizationDemo.run(model, POINTS, OptimizationDemo.SETTINGS,
                new PrintWriter(new StringWriter()));

        String tail = " batch=64 dims=[2, 5, 2, 1]";
        assertEquals(List.of(
                "gd lr=7.0E-4 epochs=10000 decay=NONE rate=1.0 interval=1000" + tail,
                "momentum lr=7.0E-4 epochs=10000 decay=NONE rate=1.0 interval=1000" + tail,
                "adam lr=7.0E-4 epochs=10000 decay=NONE rate=1.0 interval=1000" + tail,
                "gd lr=0.1 epochs=5000 decay=UPDATE_LR rate=1.0 interval=1000" + tail,
                "gd lr=0.1 epochs=5000 decay=SCHEDULE_LR_DECAY rate=1.0 interval=1000" + tail,
                "momentum lr=0.1 epochs=5000 decay=SCHEDULE_LR_DECAY rate=1.0 interval=1000" + tail,
                "adam lr=0.01 epochs=5000 decay=SCHEDULE_LR_DECAY rate=1.0 interval=1000" + tail), model.calls);
        assertEquals(List.of("gd", "momentum", "adam", "gd_update_lr", "gd_decay", "momentum_decay", "adam_decay"),
                result.runs().stream().map(DemoResult.Run::name).toList());
        assertEquals("optimization", result.assignment());
    }

    @Test
    void the_json_keeps_every_tenth_cost_and_the_accuracy_of_the_returned_parameters() {
        DemoResult result = OptimizationDemo.run(new StandIn(), POINTS, OptimizationDemo.SETTINGS,
                new PrintWriter(new StringWriter()));

        DemoResult.Run gd = result.run("gd");
        assertEquals(List.of(1.0, 1.0 / 11, 1.0 / 21, 1.0 / 31, 1.0 / 41, 1.0 / 51, 1.0 / 61, 1.0 / 71, 1.0 / 81,
                1.0 / 91), gd.costs());
        assertEquals(1000, gd.costEvery());
        assertEquals(5, result.run("adam_decay").costs().size());
        // the stand-in labels x > 0 as 1: right on points 0, 2, 3, wrong on point 1
        assertEquals(0.75, gd.trainAccuracy(), 0.0);
        assertEquals(null, gd.testAccuracy());
        assertTrue(result.toJson().contains("{\"name\":\"gd\",\"costs\":[1.0,0.09090909090909091,"), result.toJson());
    }

    @Test
    void prints_the_notebooks_cost_learning_rate_and_accuracy_lines() {
        StringWriter output = new StringWriter();

        OptimizationDemo.run(new StandIn(), POINTS, OptimizationDemo.SETTINGS, new PrintWriter(output));

        List<String> lines = output.toString().lines().toList();
        assertEquals("gd: optimizer = \"gd\", learning_rate = 0.0007, num_epochs = 10000", lines.get(0));
        assertEquals("Cost after epoch 0: 1.000000", lines.get(1));
        assertEquals("Cost after epoch 9000: 0.010989", lines.get(10));
        assertEquals("Accuracy: 0.75", lines.get(11));
        assertEquals("", lines.get(12));
        int update = lines.indexOf("gd_update_lr: optimizer = \"gd\", learning_rate = 0.1, num_epochs = 5000,"
                + " decay = update_lr");
        assertEquals(List.of("Cost after epoch 0: 1.000000", "learning rate after epoch 0: 0.050000",
                "Cost after epoch 1000: 0.090909", "learning rate after epoch 1000: 0.050000"),
                lines.subList(update + 1, update + 5));
        int schedule = lines.indexOf("adam_decay: optimizer = \"adam\", learning_rate = 0.01, num_epochs = 5000,"
                + " decay = schedule_lr_decay");
        assertEquals("learning rate after epoch 0: 0.002500", lines.get(schedule + 2));
        assertEquals(3 * 13 + 4 * 13 - 1, lines.size());
    }

    /** A stand-in the demo can instantiate again (public, with a public constructor), recording its threads. */
    public static class Reproducible extends StandIn {
        static final java.util.Set<String> THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();
        static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

        /** Counts the instances. */
        public Reproducible() {
            INSTANCES.incrementAndGet();
        }

        @Override
        public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters h,
                             boolean printCost) {
            THREADS.add(Thread.currentThread().getName() + "@" + System.identityHashCode(Thread.currentThread()));
            return super.model(x, y, layersDims, optimizer, h, printCost);
        }
    }

    @Test
    void with_several_threads_each_gets_its_own_instance_and_the_output_is_the_sequential_one() {
        StringWriter sequential = new StringWriter();
        StringWriter parallel = new StringWriter();
        Reproducible.INSTANCES.set(0);

        DemoResult one = OptimizationDemo.run(new Reproducible(), POINTS, OptimizationDemo.SETTINGS,
                new PrintWriter(sequential), 1);
        Reproducible.THREADS.clear();
        DemoResult three = OptimizationDemo.run(new Reproducible(), POINTS, OptimizationDemo.SETTINGS,
                new PrintWriter(parallel), 3);

        assertEquals(sequential.toString(), parallel.toString());
        assertEquals(one, three);
        assertEquals(1 + 3, Reproducible.INSTANCES.get());
        assertTrue(Reproducible.THREADS.stream().allMatch(t -> t.startsWith("optimization-demo@")),
                Reproducible.THREADS::toString);
    }

    @Test
    void a_failure_in_a_parallel_run_reaches_the_caller_unwrapped() {
        NotImplementedYet missing = assertThrows(NotImplementedYet.class, () -> OptimizationDemo.run(
                new Unwritten(), POINTS, OptimizationDemo.SETTINGS, new PrintWriter(new StringWriter()), 2));

        assertEquals("model", missing.function());
    }

    /** Public and re-creatable, so the demo runs it on two threads; its model is not written. */
    public static class Unwritten extends StandIn {
        @Override
        public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters h,
                             boolean printCost) {
            throw new NotImplementedYet("model");
        }
    }

    @Test
    void a_model_that_records_too_few_costs_is_reported() {
        StandIn sparse = new StandIn() {
            @Override
            public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters h,
                                 boolean printCost) {
                Trained right = super.model(x, y, layersDims, optimizer, h, printCost);
                return new Trained(right.parameters(), right.costs().subList(0, 10));
            }
        };

        DemoException error = assertThrows(DemoException.class, () -> OptimizationDemo.run(sparse, POINTS,
                OptimizationDemo.SETTINGS, new PrintWriter(new StringWriter())));

        assertEquals("model recorded 10 costs for 10000 epochs; expected 100 (one every 100 epochs)",
                error.getMessage());
    }

    @Test
    void a_model_that_returns_null_is_reported_and_an_unwritten_one_reaches_the_caller() {
        StandIn nothing = new StandIn() {
            @Override
            public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters h,
                                 boolean printCost) {
                return null;
            }
        };
        StandIn unwritten = new StandIn() {
            @Override
            public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters h,
                                 boolean printCost) {
                throw new NotImplementedYet("model");
            }
        };

        assertEquals("model returned null", assertThrows(DemoException.class, () -> OptimizationDemo.run(nothing,
                POINTS, OptimizationDemo.SETTINGS, new PrintWriter(new StringWriter()))).getMessage());
        assertEquals("model", assertThrows(NotImplementedYet.class, () -> OptimizationDemo.run(unwritten, POINTS,
                OptimizationDemo.SETTINGS, new PrintWriter(new StringWriter()))).function());
    }

    @Test
    void the_decay_settings_are_the_courses_decay_section() {
        Hyperparameters adamDecay = OptimizationDemo.SETTINGS.get(6).hyperparameters();

        assertEquals(Decay.SCHEDULE_LR_DECAY, adamDecay.decay());
        assertEquals(0.01, adamDecay.learningRate(), 0.0);
        assertEquals(Hyperparameters.COURSE, OptimizationDemo.SETTINGS.get(0).hyperparameters());
        assertEquals(Optimizer.ADAM, OptimizationDemo.SETTINGS.get(2).optimizer());
    }

    @Test
    void the_registry_lists_gradcheck_then_optimization() {
        List<String> ids = Demos.ids();
        assertTrue(ids.indexOf("optimization") > ids.indexOf("gradcheck") && ids.indexOf("gradcheck") > 0, ids::toString);
        assertEquals(OptimizationDemo.IMPLEMENTATION_CLASS, Demos.find("optimization").orElseThrow()
                .implementationClass());
    }
}
