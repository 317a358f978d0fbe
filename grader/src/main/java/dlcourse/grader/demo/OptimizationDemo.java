package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.course.OptimizationMethods;
import dlcourse.course.OptimizationMethods.Decay;
import dlcourse.course.OptimizationMethods.Hyperparameters;
import dlcourse.course.OptimizationMethods.Optimizer;
import dlcourse.course.OptimizationMethods.Trained;
import dlcourse.data.LabeledData;
import dlcourse.data.PlanarDatasets;
import dlcourse.nn.ThreeLayerNet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Assignment 8's demo, as the course's notebook runs it on the moons (300 points, seed 3) with the network
 * [2, 5, 2, 1] (He initialization, seed 3):
 * <ol>
 *   <li>{@code gd}, {@code momentum} (β 0.9) and {@code adam}: 10000 epochs of mini-batches of 64 at learning rate
 *       0.0007. Course figures: 79.7 %, 79.7 % and 94 % training accuracy.</li>
 *   <li>The learning-rate decay section: {@code gd_update_lr} (gd, α0 = 0.1, {@code update_lr} after every
 *       epoch, 5000 epochs: the rate collapses and the model stalls, 65.3 %), then with {@code schedule_lr_decay}
 *       (decay rate 1, a step every 1000 epochs, 5000 epochs) {@code gd_decay} (α0 = 0.1, 94.3 %),
 *       {@code momentum_decay} (α0 = 0.1, 95.3 %) and {@code adam_decay} (α0 = 0.01, 94 %).</li>
 * </ol>
 * The decay settings are the course's decay section's. The JSON lists the cost every 1000 epochs (the lines the
 * notebook prints); {@code model} itself records one every 100.
 *
 * <p>Every step is the implementation's own: its {@code model} trains (called with {@code print_cost = false}; the
 * cost lines are printed here from the costs it returns, and the learning-rate lines from its own decay function).
 * The seven runs are independent, so they share the cores, each thread with its own instance of the implementation;
 * the output is printed in the course's order all the same.
 */
public final class OptimizationDemo implements Demo<OptimizationMethods> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "optimization";

    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.optimization.Optimization";

    /** The course's network on the moons. */
    static final int[] LAYERS = {2, 5, 2, 1};

    /** The JSON and the printed lines carry the cost every this many epochs. */
    public static final int COST_EVERY = OptimizationMethods.PRINT_EVERY;

    /**
     * One run of the notebook.
     *
     * @param name            the run's name in the JSON
     * @param optimizer       gd, momentum or adam
     * @param hyperparameters the settings
     */
    public record Setting(String name, Optimizer optimizer, Hyperparameters hyperparameters) {
    }

    /** The decay section's runs: 5000 epochs, decay rate 1, a step every 1000 epochs. */
    private static Hyperparameters decaying(double learningRate0, Decay decay) {
        return Hyperparameters.COURSE.withLearningRate(learningRate0).withNumEpochs(5000).withDecay(decay)
                .withDecayRate(1.0, 1000);
    }

    /** Every run, in the notebook's order. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("gd", Optimizer.GD, Hyperparameters.COURSE),
            new Setting("momentum", Optimizer.MOMENTUM, Hyperparameters.COURSE),
            new Setting("adam", Optimizer.ADAM, Hyperparameters.COURSE),
            new Setting("gd_update_lr", Optimizer.GD, decaying(0.1, Decay.UPDATE_LR)),
            new Setting("gd_decay", Optimizer.GD, decaying(0.1, Decay.SCHEDULE_LR_DECAY)),
            new Setting("momentum_decay", Optimizer.MOMENTUM, decaying(0.1, Decay.SCHEDULE_LR_DECAY)),
            new Setting("adam_decay", Optimizer.ADAM, decaying(0.01, Decay.SCHEDULE_LR_DECAY)));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "optimization methods on the moons, network [2, 5, 2, 1]: gd, momentum and adam (10000 epochs,"
                + " batches of 64, lr 0.0007), then learning-rate decay (update_lr; schedule_lr_decay with gd,"
                + " momentum, adam; 5000 epochs)";
    }

    @Override
    public Class<OptimizationMethods> contract() {
        return OptimizationMethods.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    @Override
    public DemoResult run(OptimizationMethods implementation, PrintWriter courseOutput) {
        return run(implementation, PlanarDatasets.optimizationMoons(), SETTINGS, courseOutput);
    }

    /**
     * Runs the given settings with the implementation's own {@code model}, on as many threads as there are cores
     * (the runs are independent; see {@link #THREADS_PROPERTY}). The output and the result are the same whatever the
     * number of threads: each run's lines are printed, in the course's order, as soon as it and the runs before it are
     * done.
     *
     * @param impl         the implementation
     * @param data         X (2, m) and Y (1, m)
     * @param settings     the runs, in order
     * @param courseOutput receives a header per run, the cost (and learning-rate) lines every 1000 epochs and the
     *                     accuracy, as the notebook prints them
     * @return one run per setting, with the costs every 1000 epochs and the training accuracy
     * @throws DemoException if model returns null or not one cost per 100 epochs
     */
    public static DemoResult run(OptimizationMethods impl, LabeledData data, List<Setting> settings,
                                 PrintWriter courseOutput) {
        int threads = Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
        return run(impl, data, settings, courseOutput, threads);
    }

    /**
     * System property with the number of threads the demo's runs may use (default: the number of cores; 1 runs
     * them one after the other). More than one thread needs a second instance of the implementation per thread,
     * made with its public no-argument constructor; without one the runs are sequential.
     */
    public static final String THREADS_PROPERTY = "dlcourse.demo.threads";

    static DemoResult run(OptimizationMethods impl, LabeledData data, List<Setting> settings,
                          PrintWriter courseOutput, int threads) {
        int workers = Math.min(threads, settings.size());
        List<OptimizationMethods> instances = new ArrayList<>(List.of(impl));
        while (instances.size() < workers) {
            OptimizationMethods another = another(impl);
            if (another == null) {
                break;
            }
            instances.add(another);
        }
        List<DemoResult.Run> runs = new ArrayList<>();
        if (instances.size() < 2) {
            for (Setting setting : settings) {
                runs.add(train(impl, data, setting).printTo(courseOutput, runs.isEmpty()));
            }
            return new DemoResult(ID, runs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances.size(), task -> {
            Thread thread = new Thread(task, "optimization-demo");
            thread.setDaemon(true);
            return thread;
        });
        BlockingQueue<OptimizationMethods> free = new ArrayBlockingQueue<>(instances.size(), false, instances);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>(Collections.nCopies(settings.size(), null));
            for (int index : longestFirst(settings)) {
                Setting setting = settings.get(index);
                outcomes.set(index, pool.submit(() -> {
                    OptimizationMethods instance = free.take();
                    try {
                        return train(instance, data, setting);
                    } finally {
                        free.put(instance);
                    }
                }));
            }
            for (Future<Outcome> outcome : outcomes) {
                runs.add(await(outcome).printTo(courseOutput, runs.isEmpty()));
            }
        } finally {
            pool.shutdownNow();
        }
        return new DemoResult(ID, runs);
    }

    /**
     * The order to start the runs in: the costliest first (epochs times the relative cost of an optimizer's step), so
     * that the cores stay busy to the end and the first compiled code has seen every optimizer's operations.
     */
    static int[] longestFirst(List<Setting> settings) {
        return IntStream.range(0, settings.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -cost(settings.get(k))))
                .mapToInt(Integer::intValue).toArray();
    }

    /** A run's estimated cost: epochs times the step's relative cost (Adam's update does the most work). */
    private static double cost(Setting setting) {
        double step = switch (setting.optimizer()) {
            case GD -> 1.0;
            case MOMENTUM -> 1.2;
            case ADAM -> 1.6;
        };
        return step * setting.hyperparameters().numEpochs();
    }

    /** One finished run: the lines to print and its figures. */
    private record Outcome(String text, DemoResult.Run run) {
        DemoResult.Run printTo(PrintWriter out, boolean first) {
            if (!first) {
                out.println();
            }
            out.print(text);
            out.flush();
            return run;
        }
    }

    /** Trains one setting and writes its lines. */
    private static Outcome train(OptimizationMethods impl, LabeledData data, Setting setting) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        Hyperparameters h = setting.hyperparameters();
        out.printf(Locale.ROOT, "%s: optimizer = \"%s\", learning_rate = %s, num_epochs = %d%s%n", setting.name(),
                setting.optimizer().courseName(), LogisticDemo.plain(h.learningRate()), h.numEpochs(),
                h.decay() == Decay.NONE ? "" : ", decay = " + h.decay().name().toLowerCase(Locale.ROOT));
        Trained trained = impl.model(data.x(), data.y(), LAYERS.clone(), setting.optimizer(), h, false);
        if (trained == null) {
            throw new DemoException("model returned null");
        }
        List<Double> printed = everyThousand(trained, h.numEpochs());
        for (int k = 0; k < printed.size(); k++) {
            int epoch = k * COST_EVERY;
            out.printf(Locale.ROOT, "Cost after epoch %d: %f%n", epoch, printed.get(k));
            if (h.decay() != Decay.NONE) {
                out.printf(Locale.ROOT, "learning rate after epoch %d: %f%n", epoch, decayed(impl, h, epoch));
            }
        }
        Matrix predictions = ThreeLayerNet.predict(data.x(), trained.parameters());
        double accuracy = ThreeLayerNet.accuracy(predictions, data.y());
        out.println("Accuracy: " + accuracy);
        out.flush();
        return new Outcome(text.toString(), DemoResult.Run.trainOnly(setting.name(), printed, COST_EVERY, accuracy));
    }

    /** Another instance of the implementation's class, or null when it has no public no-argument constructor. */
    private static OptimizationMethods another(OptimizationMethods impl) {
        try {
            return impl.getClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The outcome of a run, with the implementation's own exception (e.g. NotImplementedYet) rethrown as is. */
    private static Outcome await(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted while waiting for a training run");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new DemoException("a training run failed: " + e.getCause());
        }
    }

    /** The costs of epochs 0, 1000, 2000, … from the ones model recorded every 100 epochs. */
    private static List<Double> everyThousand(Trained trained, int epochs) {
        int step = COST_EVERY / OptimizationMethods.COST_EVERY;
        int expected = (epochs + OptimizationMethods.COST_EVERY - 1) / OptimizationMethods.COST_EVERY;
        if (trained.costs().size() != expected) {
            throw new DemoException("model recorded " + trained.costs().size() + " costs for " + epochs
                    + " epochs; expected " + expected + " (one every " + OptimizationMethods.COST_EVERY + " epochs)");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < trained.costs().size(); i += step) {
            out.add(trained.costs().get(i));
        }
        return out;
    }

    /** The learning rate model uses after this epoch, from the implementation's own decay function. */
    private static double decayed(OptimizationMethods impl, Hyperparameters h, int epoch) {
        return h.decay() == Decay.UPDATE_LR ? impl.updateLr(h.learningRate(), epoch, h.decayRate())
                : impl.scheduleLrDecay(h.learningRate(), epoch, h.decayRate(), h.timeInterval());
    }
}
