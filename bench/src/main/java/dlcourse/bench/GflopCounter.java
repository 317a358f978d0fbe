package dlcourse.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JMH auxiliary counter that turns a product benchmark's throughput into GFLOPS.
 *
 * <p>Each call adds its floating-point operations (in units of 10⁹); JMH divides the sum by the iteration time,
 * so the secondary result {@code :gflops} reads directly in GFLOPS beside the primary ops/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class GflopCounter {

    /** Giga floating-point operations done in the current iteration. */
    public double gflops;

    /** Counters are not reset by JMH: start every iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
        gflops = 0;
    }
}
