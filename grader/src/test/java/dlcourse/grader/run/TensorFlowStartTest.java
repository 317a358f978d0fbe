package dlcourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.demo.Demo;
import dlcourse.grader.demo.Demos;
import dlcourse.grader.fixture.FixtureStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

/**
 * TensorFlow's native library (about 700 MB once unpacked) is loaded only when a check or the demo of assignment 9
 * runs: registering the assignment, building every catalog and grading another assignment leave it alone. Checked in
 * a fresh JVM, since other tests in this one may have started TensorFlow already.
 */
class TensorFlowStartTest {

    /** Builds every catalog, lists every demo, grades the logistic assignment, then prints the loaded libraries. */
    public static final class EverythingButAssignment9 {
        private EverythingButAssignment9() {
        }

        /** Prints {@code native libraries: [...]}, the libraries JavaCPP has loaded. */
        public static void main(String[] args) {
            for (Assignment<?> assignment : Course.assignments()) {
                List<? extends Check<?>> checks = assignment.checks(new FixtureStore(),
                        EnumSet.allOf(Visibility.class));
                assignment.probes().forEach(probe -> probe.publicCases().forEach(spec -> probe.inputs().draw(spec)));
                assignment.mistakes();
                if (checks.isEmpty()) {
                    throw new AssertionError("no checks for " + assignment.id());
                }
            }
            Demos.all().forEach(Demo::description);
            new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC)).grade(Course.assignment("logistic")
                    .orElseThrow(), TensorFlowStartTest.class.getClassLoader(), (check, row) -> { });
            System.out.println("native libraries: " + Loader.getLoadedLibraries().keySet());
        }
    }

    @Test
    void nothing_but_assignment_9_starts_tensorflow() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), EverythingButAssignment9.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);

        assertEquals(0, process.exitValue(), output);
        assertEquals(List.of("native libraries: []"), output.lines().filter(l -> l.startsWith("native")).toList(),
                output);
    }
}
