package dlcourse.core;

import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link ReproducibleRunsTest}: prints the bits of {@code exp}, {@code log}, {@code tanh} and
 * {@code sigmoid} of 4096 fixed inputs, through {@link Matrix}'s public operations (so through the dispatcher and
 * whatever {@code -Ddlcourse.reproducible} selects). With the argument {@code warm} it first runs the operations
 * often enough for C2 to compile them (the child is started with {@code -Xbatch}, so compilation completes before
 * the loop goes on); without it the child is meant to run interpreted ({@code -Xint}).
 */
public final class TranscendentalsProbe {

    /** Inputs per function: 64 rows of 64, every row above the vector kernels' size threshold. */
    static final int N = 4096;

    private TranscendentalsProbe() {
    }

    /** The fixed inputs: moderate magnitudes, where exp and tanh are neither saturated nor trivial. */
    static Matrix inputs() {
        SplittableRandom rnd = new SplittableRandom(2026);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = rnd.nextDouble(-8.0, 8.0);
        }
        return Matrix.of(64, 64, v);
    }

    public static void main(String[] args) {
        Matrix x = inputs();
        Matrix positive = x.abs().add(1e-3);
        if (args.length > 0 && args[0].equals("warm")) {
            double sink = 0;
            for (int round = 0; round < 3000; round++) {
                sink += x.exp().get(0, round % 64) + positive.log().get(1, round % 64)
                        + x.tanh().get(2, round % 64) + x.sigmoid().get(3, round % 64);
            }
            System.err.println("warm-up done (" + sink + ")");
        }
        StringBuilder out = new StringBuilder();
        out.append("reproducible=").append(Kernels.reproducible()).append('\n');
        for (Matrix result : new Matrix[] {x.exp(), positive.log(), x.tanh(), x.sigmoid()}) {
            for (double value : result.toArray()) {
                out.append(Long.toHexString(Double.doubleToRawLongBits(value))).append('\n');
            }
        }
        System.out.print(out);
    }
}
