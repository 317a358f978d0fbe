package dlcourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    /** One quick run on the tiny planar product, shared by the tests that read its table (it takes seconds). */
    private static Run quickTiny;

    @BeforeAll
    static void runQuickOnTheTinyShape() {
        quickTiny = bench("--quick", "--shape", "4x2x400");
    }

    /** Runs {@code bench} with the given arguments; returns the exit code and what it printed. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The whitespace-separated cells of the first line whose first cell is {@code first}. */
    private static Optional<List<String>> row(String output, String first) {
        return output.lines()
                .map(line -> Arrays.asList(line.trim().split("\\s+")))
                .filter(cells -> cells.get(0).equals(first))
                .findFirst();
    }

    private static double positiveNumber(String cell, String what) {
        double value = Double.parseDouble(cell.endsWith("x") ? cell.substring(0, cell.length() - 1) : cell);
        assertTrue(value > 0 && Double.isFinite(value), what + " should be a positive number but was " + cell);
        return value;
    }

    @Test
    void quick_run_on_the_tiny_shape_prints_gflops_for_one_and_two_threads_and_the_scalar_twin() {
        // given the quick mode and only the planar product (4x2)(2x400)
        // when
        Run run = quickTiny;

        // then
        assertEquals(0, run.exitCode(), () -> "exit code; stderr:\n" + run.err() + "\nstdout:\n" + run.out());
        List<String> header = row(run.out(), "shape").orElseThrow(() -> new AssertionError(
                "no GEMM header line starting with 'shape' in:\n" + run.out()));
        List<String> gflopsColumns = new ArrayList<>();
        for (String cell : header) {
            if (cell.endsWith("GFLOPS")) {
                gflopsColumns.add(cell);
            }
        }
        assertEquals(List.of("1T-GFLOPS", "2T-GFLOPS", "scalar-GFLOPS"), gflopsColumns, "GFLOPS columns");
        List<String> planar = row(run.out(), "4x2x400").orElseThrow(() -> new AssertionError(
                "no row for 4x2x400 in:\n" + run.out()));
        assertEquals(header.size(), planar.size(), () -> "cells of the 4x2x400 row: " + planar);
        for (String column : gflopsColumns) {
            positiveNumber(planar.get(header.indexOf(column)), column);
        }
        positiveNumber(planar.get(header.indexOf("1T/scalar")), "1T/scalar");
        positiveNumber(planar.get(header.indexOf("2T/scalar")), "2T/scalar");
    }

    @Test
    void quick_run_prints_only_the_selected_shape_and_every_activation() {
        // when
        Run run = quickTiny;

        // then
        for (String other : List.of("W1X", "dZXt", "WtdZ", "7x20x209", "SIGNS", "1024")) {
            assertTrue(row(run.out(), other).isEmpty(), () -> other + " was not selected but printed:\n" + run.out());
        }
        List<String> header = row(run.out(), "activation").orElseThrow(() -> new AssertionError(
                "no activation header in:\n" + run.out()));
        for (String activation : List.of("exp", "sigmoid", "relu")) {
            List<String> cells = row(run.out(), activation).orElseThrow(() -> new AssertionError(
                    "no row for " + activation + " in:\n" + run.out()));
            assertEquals(header.size(), cells.size(), () -> "cells of the " + activation + " row: " + cells);
            for (int i = 2; i < cells.size(); i++) {
                positiveNumber(cells.get(i), activation + " " + header.get(i));
            }
        }
        assertTrue(run.out().contains(">= 40 GFLOPS at 1024^3"), "the note shows the issue's targets");
    }

    @Test
    void unknown_shape_is_a_usage_error_that_lists_the_choices() {
        // when
        Run run = bench("--quick", "--shape", "3x3x3");

        // then
        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode(), "exit code");
        assertTrue(run.err().contains("Unknown shape '3x3x3'") && run.err().contains("4x2x400"), run.err());
    }
}
