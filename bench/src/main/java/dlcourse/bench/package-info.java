/**
 * JMH benchmarks of the core's kernels, each measured beside its baselines in the same run: the scalar twin,
 * EJML (bench scope only) and plain {@code java.lang.Math} loops.
 *
 * <p>Package policies: every benchmark's {@code @Setup} checks that the kernel it times agrees with its scalar
 * twin (see {@link dlcourse.bench.Agreement}) and throws before any timing if not; inputs come from
 * {@link dlcourse.bench.CourseShape#SEED}; every fork adds {@code --add-modules jdk.incubator.vector}. Built only
 * with {@code -Pbench}; how to run and the measured figures are in {@code src/BENCHMARKS.md}.
 */
package dlcourse.bench;
