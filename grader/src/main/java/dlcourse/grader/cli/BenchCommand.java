package dlcourse.grader.cli;

import dlcourse.core.Kernels;
import dlcourse.core.Kernels.Impl;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlcourse bench}: a quick, human-readable look at the core's kernels on this machine.
 *
 * <p>For each course product it prints GFLOPS of the vector GEMM on 1 and 2 threads, of its scalar twin, and their
 * ratios; for exp, sigmoid and relu the throughput of the vector kernel, its scalar twin and a plain
 * {@code java.lang.Math} loop. Each kernel is first checked against its scalar twin, then warmed up and timed
 * best-of-N with {@link System#nanoTime()}. A diagnostic, not a test: it has no thresholds, and prints the issue's
 * targets beside the figures for the reader to compare. The JMH suite ({@code -Pbench}) is the careful
 * measurement, with EJML as a second baseline (see {@code src/BENCHMARKS.md}).
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Times the SIMD kernels against their scalar twins: GEMM GFLOPS on the course's shapes with 1 "
                + "and 2 threads, and exp/sigmoid/relu against a plain Math loop (about a minute; --quick: ~10 s).",
            "A diagnostic: results are checked against the scalar twin first, and no figure passes or fails. "
                + "Run it on an otherwise idle machine.",
            "Shapes: W1X, dZXt, WtdZ (the 4-layer model's first layer, 20 units), W1X7, dZXt7, WtdZ7 (the 2-layer "
                + "model's, 7 units), 7x20x209, 4x2x400, SIGNS, 1024."})
public final class BenchCommand implements Callable<Integer> {

    /** Normwise relative tolerance between a kernel and its scalar twin, checked before any timing. */
    static final double AGREEMENT_RTOL = 1e-9;

    /** Seed of the random operands, so that runs compare like with like. */
    static final long SEED = 20_240_601L;

    /** Activation inputs are uniform in [-RANGE, RANGE): exp stays finite and normal. */
    private static final double RANGE = 10;

    /** Which operand the GEMM reads as a transposed view of its storage. */
    private enum Transposed { NONE, LEFT, RIGHT }

    /**
     * A product the course computes, {@code (m, k) · (k, n)}, with the figures for it.
     *
     * @param key name for {@code --shape}
     * @param label the course's name for the product
     * @param target the target, 1 thread / 2 threads, as printed; "-" where there is none
     * @param numpy numpy/OpenBLAS on this machine, 1 / 2 threads, GFLOPS (from the issue); "-" if not given
     */
    private record Gemm(String key, String label, int m, int k, int n, Transposed transposed, String target,
                        String numpy) {

        long flops() {
            return 2L * m * n * k;
        }

        String operands() {
            return "(" + m + "x" + k + ")(" + k + "x" + n + ")";
        }
    }

    private static final List<Gemm> SHAPES = List.of(
            new Gemm("W1X", "W1.X", 20, 12288, 209, Transposed.NONE, ">=22/>=45", "24/41"),
            new Gemm("dZXt", "dZ.X^T", 20, 209, 12288, Transposed.RIGHT, ">=22/>=45", "-"),
            new Gemm("WtdZ", "W^T.dZ", 12288, 20, 209, Transposed.LEFT, ">=22/-", "-"),
            new Gemm("W1X7", "W1.X", 7, 12288, 209, Transposed.NONE, "-", "-"),
            new Gemm("dZXt7", "dZ.X^T", 7, 209, 12288, Transposed.RIGHT, "-", "-"),
            new Gemm("WtdZ7", "W^T.dZ", 12288, 7, 209, Transposed.LEFT, "-", "-"),
            new Gemm("7x20x209", "W2.A1", 7, 20, 209, Transposed.NONE, ">=22/-", "-"),
            new Gemm("4x2x400", "planar", 4, 2, 400, Transposed.NONE, "<1us", "-"),
            new Gemm("SIGNS", "SIGNS", 25, 12288, 1080, Transposed.NONE, ">=22/>=45", "33/58"),
            new Gemm("1024", "1024^3", 1024, 1024, 1024, Transposed.NONE, ">=40/>=80", "51/101"));

    /** An activation: its kernel (either twin) and the plain loop over a double[] it is compared with. */
    private record Activation(String name, KernelCall kernel, LoopCall loop) {
    }

    @FunctionalInterface
    private interface KernelCall {
        Matrix apply(Matrix z, Impl impl);
    }

    @FunctionalInterface
    private interface LoopCall {
        double[] apply(double[] z);
    }

    private static final List<Activation> ACTIVATIONS = List.of(
            new Activation("exp", Kernels::exp, Kernels::mathExpLoop),
            new Activation("sigmoid", Kernels::sigmoid, Kernels::mathSigmoidLoop),
            new Activation("relu", Kernels::relu, Kernels::mathReluLoop));

    /**
     * How long and how often each kernel is timed.
     *
     * @param trials timed batches; the best one counts
     * @param jitNanos longest up-front JIT warm-up of all kernel paths
     * @param warmupNanos shortest warm-up of each kernel on its own operands (see {@link #warmUp})
     * @param windowNanos warm-up runs in windows this long, and ends after two settled ones in a row
     * @param minBatchNanos a batch repeats a fast call until it lasts about this long
     * @param maxNanos a kernel's time budget, warm-up included: no new batch of it starts after it
     */
    private record Timing(int trials, long jitNanos, long warmupNanos, long windowNanos, long minBatchNanos,
                          long maxNanos) {
    }

    private static final Timing FULL =
            new Timing(5, 4_000_000_000L, 400_000_000L, 100_000_000L, 40_000_000L, 3_000_000_000L);
    private static final Timing QUICK =
            new Timing(3, 1_500_000_000L, 60_000_000L, 30_000_000L, 8_000_000L, 600_000_000L);

    /** A kernel's warm-up may last this many times {@link Timing#warmupNanos} while calls keep getting faster. */
    private static final int WARMUP_STRETCH = 8;

    /**
     * Calls a cheap kernel makes before its warm-up may end: enough for the JIT's C2 tier (a few thousand calls),
     * without which Vector API code runs boxed.
     */
    private static final int WARMUP_CALLS = 5_000;

    /**
     * A call at least this long runs its loops often enough for the JIT to compile them within a few calls, so
     * {@link #WARMUP_CALLS} does not apply to it.
     */
    private static final long LONG_CALL_NANOS = 100_000L;

    /**
     * A warm-up window has settled when its fastest call is no more than 3% faster than all earlier ones and the JIT
     * finished no compilation during it; warm-up ends after two settled windows in a row.
     */
    private static final double WARMUP_SETTLED = 0.97;

    /** The up-front JIT warm-up ends once no compilation has finished for this long. */
    private static final long JIT_QUIET_NANOS = 300_000_000L;

    /** The up-front JIT warm-up makes at least this many rounds of calls (each path's loops then run C2 code). */
    private static final int JIT_ROUNDS = 200;

    /** A timed batch is preceded by an untimed call when a call is faster than this (all but the slow twins). */
    private static final long PRIME_BELOW_NANOS = 50_000_000L;

    /** {@link Timed}: no call has been timed yet. */
    private static final long NO_SAMPLE = Long.MAX_VALUE;

    /** Printed under the tables: the targets and reference figures, for the reader to compare. */
    private static final List<String> NOTE = List.of(
            "Note: targets from issue #2 for this 2-core machine (benchmarks, not tests):",
            "  single thread >= 40 GFLOPS at 1024^3 and >= 22 on every layer shape; two threads >= 80 at 1024^3",
            "  and >= 45 on W1X, dZXt and SIGNS; tiny products under 1 us; vector exp >= 4x a Math.exp loop;",
            "  >= 5x EJML everywhere (measured by the JMH suite: see src/BENCHMARKS.md).",
            "  numpy/OpenBLAS here: 51/24/33 GFLOPS on one thread and 101/41/58 on two for 1024^3 / W1X / SIGNS.",
            "  Run on an otherwise idle machine: with two cores, any other process halves the 2-thread figures.");

    @Option(names = "--quick", description = "Shorter warm-up, fewer trials, activations on (20, 209) only: ~10 s.")
    private boolean quick;

    @Option(names = "--shape", split = ",", paramLabel = "SHAPE",
            description = "Products to time (repeat or separate with commas; case ignored): W1X, dZXt, WtdZ, "
                    + "W1X7, dZXt7, WtdZ7, 7x20x209, 4x2x400, SIGNS, 1024. Default: all.")
    private List<String> shapeKeys = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Keeps results alive so that the JIT cannot drop the timed work. */
    private double sink;

    /** Creates the command; picocli fills the options. */
    public BenchCommand() {
    }

    @Override
    public Integer call() {
        List<Gemm> shapes = selectedShapes();
        Timing timing = quick ? QUICK : FULL;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "dlcourse bench: vector kernels vs their scalar twins (%d processors, %d double "
                        + "lanes, JDK %s)%n", Runtime.getRuntime().availableProcessors(), Kernels.vectorLanes(),
                Runtime.version());
        out.printf(Locale.ROOT, "best of %d after warm-up; GFLOPS = 2*m*n*k / time; results checked against the "
                + "scalar twin first (rtol %.0e)%n%n", timing.trials(), AGREEMENT_RTOL);
        out.flush();
        warmUpJit(timing);

        int failures = 0;
        out.printf("%-9s %-8s %-24s %9s %9s %13s %9s %9s %9s %12s %11s%n", "shape", "product", "operands",
                "1T-GFLOPS", "2T-GFLOPS", "scalar-GFLOPS", "1T/scalar", "2T/scalar", "1T-time", "target-1T/2T",
                "numpy-1T/2T");
        for (Gemm shape : shapes) {
            failures += gemmRow(shape, timing, out);
            out.flush();
        }
        out.println();
        out.printf("%-10s %-11s %14s %14s %17s %11s %13s%n", "activation", "size", "vector-Melem/s",
                "scalar-Melem/s", "Math-loop-Melem/s", "vector/loop", "vector/scalar");
        List<int[]> sizes = quick ? List.of(new int[] {20, 209}) : List.of(new int[] {20, 209}, new int[] {12288, 209});
        for (int[] size : sizes) {
            for (Activation activation : ACTIVATIONS) {
                failures += activationRow(activation, size[0], size[1], timing, out);
                out.flush();
            }
        }
        out.println();
        for (String line : NOTE) {
            out.println(line);
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private List<Gemm> selectedShapes() {
        if (shapeKeys.isEmpty()) {
            return SHAPES;
        }
        List<Gemm> selected = new ArrayList<>();
        for (String key : shapeKeys) {
            Gemm shape = SHAPES.stream().filter(s -> s.key().equalsIgnoreCase(key.trim())).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                            "Unknown shape '" + key + "'; choose from " + SHAPES.stream().map(Gemm::key).toList()));
            if (!selected.contains(shape)) {
                selected.add(shape);
            }
        }
        return selected;
    }

    /**
     * Runs every kernel path (direct, packed, parallel, transposed views, both twins, the activations and the
     * plain loops) on small operands, round after round, until the JIT has compiled them all. Timing then starts
     * from compiled code with the mixed profile course code produces, instead of meeting each path's first
     * compilation, or the deoptimisation a first-taken branch causes, inside a measurement.
     */
    private void warmUpJit(Timing timing) {
        RandomState random = new RandomState(SEED);
        Matrix tinyW = random.uniform(-1, 1, 4, 2);
        Matrix tinyX = random.uniform(-1, 1, 2, 400);
        Matrix w2 = random.uniform(-1, 1, 7, 20);
        Matrix a1 = random.uniform(-1, 1, 20, 209);
        Matrix square = random.uniform(-1, 1, 128, 128);
        // a layer of 1280 inputs and its two backward products: m = 209 examples as in the course (the same
        // ragged edges), large enough for the parallel path
        Matrix w = random.uniform(-1, 1, 20, 1280);
        Matrix x = random.uniform(-1, 1, 1280, 209);
        Matrix small = random.uniform(-1, 1, 20, 40);
        Matrix z = random.uniform(-RANGE, RANGE, 20, 209);
        double[] values = z.toArray();
        List<Runnable> calls = new ArrayList<>();
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            calls.add(() -> consume(Kernels.dot(tinyW, tinyX, Impl.VECTOR, t)));
            calls.add(() -> consume(Kernels.dot(w2, a1, Impl.VECTOR, t)));
            calls.add(() -> consume(Kernels.dot(square, square, Impl.VECTOR, t)));
            calls.add(() -> consume(Kernels.dot(w, x, Impl.VECTOR, t)));
            calls.add(() -> consume(Kernels.dot(a1, x.transpose(), Impl.VECTOR, t)));
            calls.add(() -> consume(Kernels.dot(w.transpose(), a1, Impl.VECTOR, t)));
        }
        calls.add(() -> consume(Kernels.dot(tinyW, tinyX, Impl.SCALAR, 1)));
        calls.add(() -> consume(Kernels.dot(small, small.transpose(), Impl.SCALAR, 1)));
        calls.add(() -> consume(Kernels.dot(small.transpose(), small, Impl.SCALAR, 1)));
        for (Activation activation : ACTIVATIONS) {
            calls.add(() -> consume(activation.kernel().apply(z, Impl.VECTOR)));
            calls.add(() -> consume(activation.kernel().apply(z, Impl.SCALAR)));
            calls.add(() -> consume(activation.loop().apply(values)));
        }
        long begin = System.nanoTime();
        long compiled = compilationMillis();
        long quietSince = begin;
        int rounds = 0;
        while (System.nanoTime() - begin < timing.jitNanos()) {
            for (Runnable call : calls) {
                call.run();
            }
            rounds++;
            long now = System.nanoTime();
            long compiledNow = compilationMillis();
            if (compiledNow != compiled) {
                compiled = compiledNow;
                quietSince = now;
            } else if (rounds >= JIT_ROUNDS && now - quietSince >= JIT_QUIET_NANOS) {
                break;
            }
        }
    }

    /** Checks, times and prints one product; returns 1 if the vector kernel disagrees with the scalar twin. */
    private int gemmRow(Gemm shape, Timing timing, PrintWriter out) {
        RandomState random = new RandomState(SEED);
        Matrix left = shape.transposed() == Transposed.LEFT
                ? random.uniform(-1, 1, shape.k(), shape.m()).transpose() : random.uniform(-1, 1, shape.m(), shape.k());
        Matrix right = shape.transposed() == Transposed.RIGHT
                ? random.uniform(-1, 1, shape.n(), shape.k()).transpose() : random.uniform(-1, 1, shape.k(), shape.n());

        long start = System.nanoTime();
        Matrix expected = Kernels.dot(left, right, Impl.SCALAR, 1);
        long scalarFirst = System.nanoTime() - start;
        String disagreement = disagreement(expected, Kernels.dot(left, right, Impl.VECTOR, 1), "1 thread");
        if (disagreement == null) {
            disagreement = disagreement(expected, Kernels.dot(left, right, Impl.VECTOR, 2), "2 threads");
        }
        if (disagreement != null) {
            out.printf("%-9s %-8s %-24s DISAGREES with the scalar twin: %s%n", shape.key(), shape.label(),
                    shape.operands(), disagreement);
            return 1;
        }
        // the check's scalar run is already a sample: a slow twin (1024^3) is then timed only a few more times
        double[] nanos = bestNanos(timing,
                new Timed(() -> consume(Kernels.dot(left, right, Impl.VECTOR, 1))),
                new Timed(() -> consume(Kernels.dot(left, right, Impl.VECTOR, 2))),
                new Timed(() -> consume(Kernels.dot(left, right, Impl.SCALAR, 1)), scalarFirst));
        double one = nanos[0];
        double two = nanos[1];
        double scalar = nanos[2];
        out.printf(Locale.ROOT, "%-9s %-8s %-24s %9.2f %9.2f %13.2f %8.1fx %8.1fx %9s %12s %11s%n",
                shape.key(), shape.label(), shape.operands(), shape.flops() / one, shape.flops() / two,
                shape.flops() / scalar, scalar / one, scalar / two, duration(one), shape.target(), shape.numpy());
        return 0;
    }

    /** Checks, times and prints one activation on a (rows, cols) input; returns 1 on disagreement. */
    private int activationRow(Activation activation, int rows, int cols, Timing timing, PrintWriter out) {
        Matrix z = new RandomState(SEED).uniform(-RANGE, RANGE, rows, cols);
        double[] values = z.toArray();
        double[] expected = activation.kernel().apply(z, Impl.SCALAR).toArray();
        String size = "(" + rows + "x" + cols + ")";
        String disagreement = entrywiseDisagreement(expected, activation.kernel().apply(z, Impl.VECTOR).toArray(),
                "vector");
        if (disagreement == null) {
            disagreement = entrywiseDisagreement(expected, activation.loop().apply(values), "Math loop");
        }
        if (disagreement != null) {
            out.printf("%-10s %-11s DISAGREES with the scalar twin: %s%n", activation.name(), size, disagreement);
            return 1;
        }
        double[] nanos = bestNanos(timing,
                new Timed(() -> consume(activation.kernel().apply(z, Impl.VECTOR))),
                new Timed(() -> consume(activation.kernel().apply(z, Impl.SCALAR))),
                new Timed(() -> consume(activation.loop().apply(values))));
        double vector = nanos[0];
        double scalar = nanos[1];
        double loop = nanos[2];
        double megaElementsPerNano = rows * (double) cols * 1e3;
        out.printf(Locale.ROOT, "%-10s %-11s %14.0f %14.0f %17.0f %10.1fx %12.1fx%n", activation.name(), size,
                megaElementsPerNano / vector, megaElementsPerNano / scalar, megaElementsPerNano / loop,
                loop / vector, scalar / vector);
        return 0;
    }

    /** One implementation being timed, and what its timing has found so far. */
    private static final class Timed {
        final Runnable call;
        /** Nanoseconds spent calling it, warm-up included. */
        long spent;
        /** Fastest single call seen, or {@link #NO_SAMPLE}. */
        long single;
        /** Calls per timed batch. */
        int batch = 1;
        /** Best time per call over the batches. */
        double best = Double.POSITIVE_INFINITY;

        Timed(Runnable call, long firstSample) {
            this.call = call;
            this.spent = firstSample == NO_SAMPLE ? 0 : firstSample;
            this.single = firstSample;
        }

        Timed(Runnable call) {
            this(call, NO_SAMPLE);
        }

        /** The best batch's time per call; the fastest single call if no batch fitted in the budget. */
        double nanosPerCall() {
            return best == Double.POSITIVE_INFINITY ? single : best;
        }
    }

    /**
     * Times the implementations of one row: each is warmed up, then they take turns, one batch each per round, for
     * {@code trials} rounds, so that a slow spell of the machine or the JIT falls on all of them rather than on one;
     * the best batch of each counts. Each batch follows an untimed call, so that it starts hot: caches warm and,
     * for 2 threads, the pool's worker awake (after another implementation's batch it may have parked, and a
     * product whose second half is not picked up in time is finished by the caller alone). An implementation whose
     * {@link Timing#maxNanos} is spent sits out the remaining rounds.
     *
     * @return nanoseconds per call of each implementation, in order
     */
    private static double[] bestNanos(Timing timing, Timed... row) {
        for (Timed timed : row) {
            warmUp(timed, timing);
        }
        for (int trial = 0; trial < timing.trials(); trial++) {
            for (Timed timed : row) {
                if (timed.spent >= timing.maxNanos()) {
                    continue;
                }
                if (timed.single < PRIME_BELOW_NANOS) {
                    timed.call.run();
                }
                long t0 = System.nanoTime();
                for (int r = 0; r < timed.batch; r++) {
                    timed.call.run();
                }
                long elapsed = System.nanoTime() - t0;
                timed.spent += elapsed;
                timed.best = Math.min(timed.best, (double) elapsed / timed.batch);
            }
        }
        double[] nanos = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            nanos[i] = row[i].nanosPerCall();
        }
        return nanos;
    }

    /**
     * Warms one implementation up and sizes its batches.
     *
     * <p>Warm-up lasts at least {@link Timing#warmupNanos} and, for a cheap kernel, {@link #WARMUP_CALLS} calls,
     * and goes on (up to {@link #WARMUP_STRETCH} times as long) while calls still get faster or the JIT is still
     * compiling. A kernel slower than the warm-up budget (the scalar twin at 1024^3) is not warmed up again.
     */
    private static void warmUp(Timed timed, Timing timing) {
        long previousBest = timed.single;
        long compiled = compilationMillis();
        long calls = 0;
        int settledWindows = 0;
        while (timed.spent < WARMUP_STRETCH * timing.warmupNanos()) {
            long windowBest = Long.MAX_VALUE;
            long windowStart = System.nanoTime();
            long now;
            do {
                long t0 = System.nanoTime();
                timed.call.run();
                now = System.nanoTime();
                windowBest = Math.min(windowBest, now - t0);
                calls++;
            } while (now - windowStart < timing.windowNanos());
            timed.spent += now - windowStart;
            timed.single = Math.min(timed.single, windowBest);
            long compiledNow = compilationMillis();
            boolean settled = windowBest >= WARMUP_SETTLED * previousBest && compiledNow == compiled;
            settledWindows = settled ? settledWindows + 1 : 0;
            compiled = compiledNow;
            previousBest = Math.min(previousBest, windowBest);
            if (settledWindows >= 2 && (calls >= WARMUP_CALLS || timed.single >= LONG_CALL_NANOS)
                    && timed.spent >= timing.warmupNanos()) {
                break;
            }
        }
        timed.batch = (int) Math.max(1, Math.min(1_000_000, timing.minBatchNanos() / Math.max(1, timed.single)));
    }

    /** Total time the JIT has spent compiling, or 0 if this JVM does not say (then only timings decide). */
    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private void consume(Matrix result) {
        if (result.size() > 0) {
            sink += result.get(0, 0);
        }
    }

    private void consume(double[] result) {
        if (result.length > 0) {
            sink += result[0];
        }
    }

    /** Null if {@code max |actual - expected| <= AGREEMENT_RTOL · max |expected|}, else what differs. */
    private static String disagreement(Matrix expected, Matrix actual, String which) {
        double[] e = expected.toArray();
        double[] a = actual.toArray();
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            scale = Math.max(scale, Math.abs(e[i]));
            double diff = Math.abs(a[i] - e[i]);
            worst = Double.isNaN(diff) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, diff);
        }
        return worst <= AGREEMENT_RTOL * scale ? null : String.format(Locale.ROOT,
                "vector (%s) max |diff| %.1e > %.0e * max |expected| %.3e", which, worst, AGREEMENT_RTOL, scale);
    }

    /** Null if every {@code |actual - expected| <= AGREEMENT_RTOL · |expected|}, else the first entry that is not. */
    private static String entrywiseDisagreement(double[] expected, double[] actual, String which) {
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (!(diff <= AGREEMENT_RTOL * Math.abs(expected[i]))) {
                return String.format(Locale.ROOT, "%s entry %d: expected %.17g but was %.17g", which, i,
                        expected[i], actual[i]);
            }
        }
        return null;
    }

    private static String duration(double nanos) {
        if (nanos < 1e3) {
            return String.format(Locale.ROOT, "%.0fns", nanos);
        }
        if (nanos < 1e6) {
            return String.format(Locale.ROOT, "%.2fus", nanos / 1e3);
        }
        if (nanos < 1e9) {
            return String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }

}
