package dlcourse.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -Ddlcourse.reproducible=true}: the transcendental functions run on their scalar twins, which give the same
 * bits interpreted and C2-compiled, so a run's results no longer depend on when the JIT compiled what. Checked on
 * child JVMs, one interpreted ({@code -Xint}) and one whose kernels C2 has compiled ({@code -Xbatch}, warmed up).
 */
class ReproducibleRunsTest {

    @Test
    void the_dispatcher_keeps_the_transcendental_functions_on_their_scalar_twins_when_asked() {
        for (Elementwise.Unary op : Elementwise.Unary.values()) {
            int n = Elementwise.SCALAR_BELOW + 100;
            assertFalse(Elementwise.vectorFor(op, n, false, false), op + ": SIMD off");
            assertFalse(Elementwise.vectorFor(op, n, false, true), op + ": SIMD off");
            assertTrue(Elementwise.vectorFor(op, n, true, false), op + ": SIMD on, large array");
            if (Elementwise.bitExact(op)) {
                assertTrue(Elementwise.vectorFor(op, n, true, true), op + ": exact ops stay vectorised");
                assertEquals(Elementwise.SCALAR_BELOW == 0, Elementwise.vectorFor(op, 0, true, false),
                        op + ": short arrays run the scalar loop");
            } else {
                assertFalse(Elementwise.vectorFor(op, n, true, true), op + ": reproducible runs");
                assertTrue(Elementwise.vectorFor(op, 1, true, false), op + ": vector whatever the size");
            }
        }
    }

    @Test
    void interpreted_and_compiled_runs_give_the_same_bits_when_reproducible() throws Exception {
        List<String> interpreted = probe(true, "-Xint");
        List<String> compiled = probe(true, "-Xbatch", "-XX:-TieredCompilation", "warm");

        assertEquals("reproducible=true", interpreted.get(0));
        assertEquals(1 + 4 * TranscendentalsProbe.N, interpreted.size());
        assertEquals(interpreted.size(), compiled.size());
        long differing = differing(interpreted, compiled);
        assertEquals(0, differing, differing + " of " + (interpreted.size() - 1) + " values differ, the first at line "
                + firstDifference(interpreted, compiled) + " (the probe prints exp, log, tanh, sigmoid, "
                + TranscendentalsProbe.N + " values each)");
    }

    @Test
    void without_it_the_vector_functions_can_differ_between_interpreted_and_compiled_runs() throws Exception {
        // the reason for the property: shown where the CPU's compiled vector routines differ from the fallback
        List<String> interpreted = probe(false, "-Xint");
        List<String> compiled = probe(false, "-Xbatch", "-XX:-TieredCompilation", "warm");
        assertEquals("reproducible=false", interpreted.get(0));
        assumeFalse(interpreted.equals(compiled), "this CPU's compiled vector routines match the fallback");

        long differing = differing(interpreted, compiled);
        assertTrue(differing > 0 && differing < interpreted.size() / 4,
                "last-bit differences, not different functions: " + differing);
    }

    /** Lines that differ between two outputs of the same length. */
    private static long differing(List<String> a, List<String> b) {
        long count = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                count++;
            }
        }
        return count;
    }

    private static int firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Runs {@link TranscendentalsProbe} in a child JVM; the last argument "warm" goes to the probe. */
    private static List<String> probe(boolean reproducible, String... options) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-Ddlcourse.reproducible=" + reproducible);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        String probeArgument = null;
        for (String option : options) {
            if (option.equals("warm")) {
                probeArgument = option;
            } else {
                command.add(option);
            }
        }
        command.add(TranscendentalsProbe.class.getName());
        if (probeArgument != null) {
            command.add(probeArgument);
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, process.exitValue(), "probe exit status");
        return List.of(new String(output, StandardCharsets.UTF_8).split("\n"));
    }
}
