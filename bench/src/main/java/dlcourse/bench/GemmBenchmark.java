package dlcourse.bench;

import dlcourse.core.Kernels;
import dlcourse.core.Kernels.Impl;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
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
 * GEMM on the course's shapes: the vector kernel on 1 and 2 threads beside its scalar twin and EJML (single- and
 * multi-threaded), all in one run.
 *
 * <p>Primary result: products per second. Secondary {@code :gflops}: the same throughput in GFLOPS
 * ({@link CourseShape#flops()} per product). The transposed shapes are given to the core as views and to EJML as
 * {@code multTransA}/{@code multTransB} on the stored matrices, each library's best way to compute them.
 * Our kernels allocate their fresh result as the course's {@code dot} does; EJML writes into a preallocated one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {

    /** The product to time (all shapes by default; select with {@code -p shape=W1_X,SIGNS}). */
    @Param
    public CourseShape shape;

    private Matrix left;
    private Matrix right;
    private DMatrixRMaj ejmlLeft;
    private DMatrixRMaj ejmlRight;
    private DMatrixRMaj ejmlOut;
    private double gigaFlops;

    /** Builds the operands and checks every timed implementation against the scalar twin (STYLE 7). */
    @Setup(Level.Trial)
    public void setUp() {
        RandomState random = new RandomState(CourseShape.SEED);
        Matrix leftStorage = shape.leftStorage(random);
        Matrix rightStorage = shape.rightStorage(random);
        left = shape.left(leftStorage);
        right = shape.right(rightStorage);
        ejmlLeft = new DMatrixRMaj(leftStorage.rows(), leftStorage.cols(), true, leftStorage.toArray());
        ejmlRight = new DMatrixRMaj(rightStorage.rows(), rightStorage.cols(), true, rightStorage.toArray());
        ejmlOut = new DMatrixRMaj(shape.m(), shape.n());
        gigaFlops = shape.flops() / 1e9;

        double[] expected = scalar().toArray();
        String where = "GemmBenchmark " + shape + " " + shape.product();
        Agreement.normwise(where + ": vector (1 thread) vs scalar twin", expected, vector1Thread().toArray());
        Agreement.normwise(where + ": vector (2 threads) vs scalar twin", expected, vector2Threads().toArray());
        Agreement.normwise(where + ": EJML vs scalar twin", expected, ejmlSingle().data.clone());
        Agreement.normwise(where + ": EJML MT vs scalar twin", expected, ejmlConcurrent().data.clone());
    }

    /** The vector kernel on the calling thread only. */
    @Benchmark
    public Matrix vector1T(GflopCounter counter) {
        counter.gflops += gigaFlops;
        return vector1Thread();
    }

    /** The vector kernel splitting the product over 2 threads (this machine's cores). */
    @Benchmark
    public Matrix vector2T(GflopCounter counter) {
        counter.gflops += gigaFlops;
        return vector2Threads();
    }

    /** The scalar twin: the plain i-p-j loop, the baseline the vector kernel is measured against. */
    @Benchmark
    public Matrix scalar(GflopCounter counter) {
        counter.gflops += gigaFlops;
        return scalar();
    }

    /** EJML's single-threaded {@code CommonOps_DDRM.mult} (or multTransA / multTransB). */
    @Benchmark
    public DMatrixRMaj ejml(GflopCounter counter) {
        counter.gflops += gigaFlops;
        return ejmlSingle();
    }

    /** EJML's concurrent {@code CommonOps_MT_DDRM.mult} (or multTransA / multTransB), all processors. */
    @Benchmark
    public DMatrixRMaj ejmlMT(GflopCounter counter) {
        counter.gflops += gigaFlops;
        return ejmlConcurrent();
    }

    private Matrix vector1Thread() {
        return Kernels.dot(left, right, Impl.VECTOR, 1);
    }

    private Matrix vector2Threads() {
        return Kernels.dot(left, right, Impl.VECTOR, 2);
    }

    private Matrix scalar() {
        return Kernels.dot(left, right, Impl.SCALAR, 1);
    }

    private DMatrixRMaj ejmlSingle() {
        return switch (shape.transposed()) {
            case PLAIN -> CommonOps_DDRM.mult(ejmlLeft, ejmlRight, ejmlOut);
            case LEFT_TRANSPOSED -> CommonOps_DDRM.multTransA(ejmlLeft, ejmlRight, ejmlOut);
            case RIGHT_TRANSPOSED -> CommonOps_DDRM.multTransB(ejmlLeft, ejmlRight, ejmlOut);
        };
    }

    private DMatrixRMaj ejmlConcurrent() {
        return switch (shape.transposed()) {
            case PLAIN -> CommonOps_MT_DDRM.mult(ejmlLeft, ejmlRight, ejmlOut);
            case LEFT_TRANSPOSED -> CommonOps_MT_DDRM.multTransA(ejmlLeft, ejmlRight, ejmlOut);
            case RIGHT_TRANSPOSED -> CommonOps_MT_DDRM.multTransB(ejmlLeft, ejmlRight, ejmlOut);
        };
    }
}
