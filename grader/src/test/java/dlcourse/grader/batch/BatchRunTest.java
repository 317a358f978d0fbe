package dlcourse.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.check.Visibility;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.ReportJson;
import dlcourse.grader.report.SampleReports;
import dlcourse.grader.run.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch's bookkeeping with a stand-in grader: no student code runs here. */
class BatchRunTest {

    @TempDir
    Path dir;

    /** Gives every submission a point per Java file; "boom" breaks the grader; counts its calls. */
    static final class CountingGrader implements SubmissionGrader {
        final AtomicInteger calls = new AtomicInteger();
        final Map<String, Integer> threads = new ConcurrentHashMap<>();

        @Override
        public Report grade(String student, SourceTree sources, Path work) {
            calls.incrementAndGet();
            threads.merge(Thread.currentThread().getName(), 1, Integer::sum);
            if (student.equals("boom")) {
                throw new IllegalStateException("grader bug");
            }
            System.out.println("printed by " + student);
            int n = sources.files().size();
            CheckResult row = new CheckResult("logistic.sigmoid.value.seed-1", "sigmoid", "value", "public",
                    "value (seed 1)", n, 10, "passed", "ok", null, 1, null);
            return Report.of(student, SampleReports.provenance(), List.of(new AssignmentResult("logistic",
                    "Logistic", n, 10, List.of(row), List.of())));
        }

        @Override
        public Report ungradable(String student, String origin, Problem problem) {
            return Report.ungradable(student, SampleReports.provenance(), List.of(), problem);
        }
    }

    private void java(String rel) throws IOException {
        Path file = dir.resolve("subs").resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class X {}\n");
    }

    private BatchRun.Summary run(CountingGrader grader, Path out, boolean force) throws Exception {
        BatchRun.Options options = new BatchRun.Options(dir.resolve("subs"), out,
                List.of(Course.assignment("logistic").orElseThrow()), Set.of(Visibility.PUBLIC), 2, force);
        return new BatchRun(options, grader).run(new BatchRun.Listener() { });
    }

    @Test
    void grades_each_submission_once_and_keeps_current_reports_on_a_rerun() throws Exception {
        java("ann/A.java");
        java("ann/B.java");
        java("ben/A.java");
        java("boom/A.java");
        Files.createDirectories(dir.resolve("subs/empty"));
        Path out = dir.resolve("subs/class"); // inside the submissions folder: not a submission itself
        CountingGrader grader = new CountingGrader();
        BatchRun.Summary first = run(grader, out, false);
        assertEquals(List.of("ann", "ben", "boom", "empty"), first.outcomes().stream()
                .map(o -> o.submission().student()).toList());
        assertEquals(3, grader.calls.get(), "the empty folder never reaches the grader");
        assertEquals(2.0, ReportJson.read(out.resolve("ann/report.json")).score());
        Report boom = ReportJson.read(out.resolve("boom/report.json"));
        assertEquals(Problem.GRADER, boom.problem().stage());
        assertTrue(boom.problem().message().contains("grader bug"), boom.problem().message());
        assertEquals(Problem.UNPACK, ReportJson.read(out.resolve("empty/report.json")).problem().stage());
        assertEquals("printed by ann\n", Files.readString(out.resolve("ann").resolve(BatchRun.CONSOLE)));
        assertTrue(Files.isRegularFile(out.resolve("index.html")) && Files.isRegularFile(out.resolve("grades.csv")));

        BatchRun.Summary second = run(grader, out, false);
        assertEquals(2, second.reused(), "ann and ben are current");
        assertEquals(4, grader.calls.get(), "only boom (no fingerprint after a grader failure) is graded again");

        java("ben/C.java");
        run(grader, out, false);
        assertEquals(6, grader.calls.get(), "ben changed; boom again");
        assertEquals(2.0, ReportJson.read(out.resolve("ben/report.json")).score());

        run(grader, out, true);
        assertEquals(9, grader.calls.get(), "--force grades everything");
        assertFalse(grader.threads.isEmpty());
        assertTrue(grader.threads.keySet().stream().allMatch(t -> t.startsWith("batch-worker-")));
    }
}
