package dlcourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckRunner;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Values;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import dlcourse.grader.run.Grader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Batch grading hands a forked grading JVM only sealed copies of the hidden fixtures (inputs, no reference
 * outputs): the child sends back what the function returned and the parent judges it. For every assignment, the
 * reference solution and every known mistake, each hidden value check must come out exactly as when it runs with
 * the full fixtures in one JVM: same verdict, message, diagnosis and detail.
 */
class SealedHiddenChecksTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private static final Set<Visibility> SETS = Set.of(Visibility.PUBLIC, Visibility.HIDDEN);

    @TestFactory
    Stream<DynamicTest> hidden_value_checks_judge_the_same_through_sealed_cases() {
        return Course.assignments().stream().map(a -> DynamicTest.dynamicTest(a.id(), () -> compare(a)));
    }

    private static <T> void compare(Assignment<T> assignment) throws Exception {
        ClassLoader loader = SealedHiddenChecksTest.class.getClassLoader();
        Class<? extends T> type = loader.loadClass(assignment.implementationClassName())
                .asSubclass(assignment.contract());
        Map<String, T> variants = new LinkedHashMap<>();
        variants.put("reference", type.getDeclaredConstructor().newInstance());
        @SuppressWarnings("unchecked")
        Map<String, ? extends T> mistakes = (Map<String, ? extends T>) loader
                .loadClass(assignment.implementationClassName() + "Mistakes").getMethod("variants").invoke(null);
        variants.putAll(mistakes);

        FixtureStore full = new FixtureStore();
        FixtureStore sealed = new FixtureStore(new SealingLoader(loader));
        int compared = 0;
        for (var variant : variants.entrySet()) {
            Grader.Session<T> plain = new Grader(full, SETS).start(assignment, variant::getValue, type);
            Grader.Session<T> child = new Grader(sealed, SETS).start(assignment, variant::getValue, type);
            Map<String, Check<T>> childChecks = new LinkedHashMap<>();
            child.checks().forEach(c -> childChecks.put(c.id(), c));
            for (Check<T> check : plain.checks()) {
                if (check.visibility() != Visibility.HIDDEN || check.kind() != Kind.VALUE) {
                    continue;
                }
                CheckResult expected = plain.run(check);
                Check<T> sealedCheck = childChecks.get(check.id());
                assertNotNull(sealedCheck, check.id());
                Grader.Executed executed = child.execute(sealedCheck);
                CheckResult got;
                if (executed.outcome().verdict() instanceof Verdict.Sealed s) {
                    Map<String, Object> decoded = new LinkedHashMap<>();
                    for (var output : s.outputs().entrySet()) {   // through JSON text, as between the JVMs
                        decoded.put(output.getKey(), Values.decode(MAPPER.readTree(MAPPER.writeValueAsString(
                                output.getValue()))));
                    }
                    got = Grader.row(check, new CheckRunner.Outcome(check.judge().judge(decoded),
                            expected.millis()));
                } else {
                    // the function threw or returned nothing: the child's own verdict stands
                    got = executed.row();
                    assertInstanceOf(CheckResult.class, got);
                }
                String where = assignment.id() + " / " + variant.getKey() + " / " + check.id();
                assertEquals(expected.verdict(), got.verdict(), where);
                assertEquals(expected.message(), got.message(), where);
                assertEquals(expected.diagnosis(), got.diagnosis(), where);
                assertEquals(String.valueOf(expected.detail()), String.valueOf(got.detail()), where);
                assertEquals(expected.points(), got.points(), where);
                compared++;
            }
        }
        System.out.printf("[SealedHiddenChecksTest] %s: %d hidden value checks compared over %d variants%n",
                assignment.id(), compared, variants.size());
    }

    /** Serves every hidden fixture file sealed, the rest as it is. */
    private static final class SealingLoader extends ClassLoader {
        SealingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            InputStream in = super.getResourceAsStream(name);
            if (in == null || !name.matches("fixtures/[^/]+/hidden/.+\\.json")) {
                return in;
            }
            try (in) {
                FixtureFile file = MAPPER.readValue(in, FixtureFile.class);
                List<FixtureCase> cases = new ArrayList<>();
                file.cases().forEach(c -> cases.add(c.sealedCopy()));
                String json = FixtureStore.toJson(new FixtureFile(file.assignment(), file.function(), file.set(),
                        cases));
                return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
