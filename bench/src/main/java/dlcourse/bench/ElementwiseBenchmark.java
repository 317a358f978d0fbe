package dlcourse.bench;

import dlcourse.core.Kernels;
import dlcourse.core.Kernels.Impl;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Activations and the fused linear forward, each beside its baselines in the same run.
 *
 * <p>exp, sigmoid and relu: the vector kernel, its scalar twin (both through {@link Kernels}, allocating a fresh
 * result as the course's operations do), and a plain {@code java.lang.Math} loop over a {@code double[]} that
 * also allocates its result ({@code Math.exp(x)}, {@code 1 / (1 + Math.exp(-x))}, {@code Math.max(x, 0)}).
 * Linear: {@code Kernels.linear} (bias written first, product accumulated into it) against {@code dot} then
 * {@code add}, both with the vector kernel on {@link Kernels#defaultThreads()} threads as course code runs them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class ElementwiseBenchmark {

    /** Inputs of the activations: pre-activations Z of the course's layer sizes. */
    @State(Scope.Benchmark)
    public static class Activations {

        /** Lower end of the inputs: exp stays well inside the normal range. */
        static final double LOW = -10;
        /** Upper end of the inputs. */
        static final double HIGH = 10;

        /** Shape of Z, rows×cols: a hidden layer's (20, 209) or the input-sized (12288, 209). */
        @Param({"20x209", "12288x209"})
        public String size;

        Matrix z;
        double[] values;

        /** Builds Z and checks the vector kernels and the plain loops against the scalar twins. */
        @Setup(Level.Trial)
        public void setUp() {
            String[] dims = size.split("x");
            z = new RandomState(CourseShape.SEED)
                    .uniform(LOW, HIGH, Integer.parseInt(dims[0]), Integer.parseInt(dims[1]));
            values = z.toArray();
            String where = "ElementwiseBenchmark " + size;
            double[] exp = Kernels.exp(z, Impl.SCALAR).toArray();
            Agreement.entrywise(where + ": exp vector vs scalar twin", exp, Kernels.exp(z, Impl.VECTOR).toArray());
            Agreement.entrywise(where + ": exp loop vs scalar twin", exp, Kernels.mathExpLoop(values));
            double[] sigmoid = Kernels.sigmoid(z, Impl.SCALAR).toArray();
            Agreement.entrywise(where + ": sigmoid vector vs scalar twin", sigmoid,
                    Kernels.sigmoid(z, Impl.VECTOR).toArray());
            Agreement.entrywise(where + ": sigmoid loop vs scalar twin", sigmoid, Kernels.mathSigmoidLoop(values));
            double[] relu = Kernels.relu(z, Impl.SCALAR).toArray();
            Agreement.entrywise(where + ": relu vector vs scalar twin", relu, Kernels.relu(z, Impl.VECTOR).toArray());
            Agreement.entrywise(where + ": relu loop vs scalar twin", relu, Kernels.mathReluLoop(values));
        }
    }

    /** Operands of a linear step Z = W·A + b. */
    @State(Scope.Benchmark)
    public static class Linear {

        /** The layer: W1_X is (20×12288)·(12288×209) + b, W2_A1 is (7×20)·(20×209) + b. */
        @Param({"W1_X", "W2_A1"})
        public CourseShape shape;

        Matrix w;
        Matrix a;
        Matrix b;
        int threads;
        /** The product's flops in units of 10⁹ (the bias adds, m·n, are left out). */
        double gigaFlops;

        /** Builds W, A, b and checks that the fused and unfused forms agree. */
        @Setup(Level.Trial)
        public void setUp() {
            RandomState random = new RandomState(CourseShape.SEED);
            w = shape.left(shape.leftStorage(random));
            a = shape.right(shape.rightStorage(random));
            b = random.uniform(-1, 1, shape.m(), 1);
            threads = Kernels.defaultThreads();
            gigaFlops = shape.flops() / 1e9;
            Agreement.normwise("ElementwiseBenchmark linear " + shape + ": fused vs dot then add",
                    Kernels.dot(w, a, Impl.SCALAR, 1).add(b).toArray(),
                    Kernels.linear(w, a, b, Impl.VECTOR, threads).toArray());
            Agreement.normwise("ElementwiseBenchmark linear " + shape + ": unfused vector vs scalar twin",
                    Kernels.dot(w, a, Impl.SCALAR, 1).add(b).toArray(),
                    Kernels.dot(w, a, Impl.VECTOR, threads).add(b).toArray());
        }
    }

    /** Vector exp. */
    @Benchmark
    public Matrix expVector(Activations s) {
        return Kernels.exp(s.z, Impl.VECTOR);
    }

    /** Scalar twin of exp. */
    @Benchmark
    public Matrix expScalar(Activations s) {
        return Kernels.exp(s.z, Impl.SCALAR);
    }

    /** Baseline: a plain {@code Math.exp} loop. */
    @Benchmark
    public double[] expMathLoop(Activations s) {
        return Kernels.mathExpLoop(s.values);
    }

    /** Vector sigmoid. */
    @Benchmark
    public Matrix sigmoidVector(Activations s) {
        return Kernels.sigmoid(s.z, Impl.VECTOR);
    }

    /** Scalar twin of sigmoid. */
    @Benchmark
    public Matrix sigmoidScalar(Activations s) {
        return Kernels.sigmoid(s.z, Impl.SCALAR);
    }

    /** Baseline: a plain {@code 1 / (1 + Math.exp(-x))} loop. */
    @Benchmark
    public double[] sigmoidMathLoop(Activations s) {
        return Kernels.mathSigmoidLoop(s.values);
    }

    /** Vector relu. */
    @Benchmark
    public Matrix reluVector(Activations s) {
        return Kernels.relu(s.z, Impl.VECTOR);
    }

    /** Scalar twin of relu. */
    @Benchmark
    public Matrix reluScalar(Activations s) {
        return Kernels.relu(s.z, Impl.SCALAR);
    }

    /** Baseline: a plain {@code Math.max(x, 0)} loop. */
    @Benchmark
    public double[] reluMathLoop(Activations s) {
        return Kernels.mathReluLoop(s.values);
    }

    /** The fused linear step: b broadcast into the output, W·A accumulated into it. */
    @Benchmark
    public Matrix linearFused(Linear s, GflopCounter counter) {
        counter.gflops += s.gigaFlops;
        return Kernels.linear(s.w, s.a, s.b, Impl.VECTOR, s.threads);
    }

    /** The unfused form: {@code W.dot(A)} then {@code + b}, one temporary and a second pass. */
    @Benchmark
    public Matrix linearUnfused(Linear s, GflopCounter counter) {
        counter.gflops += s.gigaFlops;
        return Kernels.dot(s.w, s.a, Impl.VECTOR, s.threads).add(s.b);
    }

}
