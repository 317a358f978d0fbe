package dlcourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.data.DataDirectory;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Regeneration;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The committed fixtures must be what {@code ./dlcourse fixtures} would write from these solutions: the same
 * files, cases, inputs, variants and outputs. Numbers are compared to {@value #RELATIVE} relative, not bit for bit,
 * because the Vector API's exp/log give last-bit differences between interpreted and JIT-compiled code, which a
 * long training run can carry into the 15th digit. Fixtures computed by TensorFlow in float32 (tolerance
 * {@code FLOAT32}) are compared within that tolerance: TensorFlow's kernels differ between CPUs in the last float32
 * digits.
 */
class FixturesUpToDateTest {

    private static final double RELATIVE = 1e-9;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    private static final Path ROOT = Path.of(System.getProperty("dlcourse.root", ".."));
    private static final Path RESOURCES = ROOT.resolve("grader/src/main/resources");

    @Test
    void committed_fixtures_match_the_solutions() throws IOException {
        assumeTrue(DataDirectory.standard().locate("train_catvnoncat.h5").isPresent(),
                "the cat pictures are needed to regenerate the training fixture; skipped without them");
        List<String> stale = new ArrayList<>();
        int compared = 0;
        for (Assignment<?> assignment : Course.assignments()) {
            for (FixtureFile file : Regeneration.generate(assignment, getClass().getClassLoader())) {
                String path = FixtureStore.path(file.assignment(),
                        Visibility.valueOf(file.set().toUpperCase(Locale.ROOT)), file.function());
                Path committed = RESOURCES.resolve(path);
                compared++;
                boolean float32 = file.cases().stream()
                        .anyMatch(c -> c.tolerance().equals(Tolerance.FLOAT32.name()));
                Tolerance tolerance = float32 ? Tolerance.FLOAT32 : new Tolerance("RELATIVE", RELATIVE, 0);
                if (!Files.exists(committed) || !same(JSON.readTree(Files.readString(committed)),
                        JSON.readTree(FixtureStore.toJson(file)), tolerance)) {
                    stale.add(path);
                }
            }
        }
        assertTrue(compared > 0, "no fixture was compared");
        assertEquals(List.of(), stale, "stale fixtures: run ./dlcourse fixtures and commit the result");
    }

    private static boolean same(com.fasterxml.jackson.databind.JsonNode a, com.fasterxml.jackson.databind.JsonNode b,
                                Tolerance tolerance) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            return Double.compare(x, y) == 0 || Math.abs(x - y) <= tolerance.atol() + tolerance.rtol()
                    * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            for (var it = a.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!b.has(field) || !same(a.get(field), b.get(field), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
