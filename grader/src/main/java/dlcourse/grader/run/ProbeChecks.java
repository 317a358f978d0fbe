package dlcourse.grader.run;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.ValueCheck;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the shape and value checks of a probe from its stored fixture cases. */
public final class ProbeChecks {

    /** Points of a value check (per fixture case). */
    public static final double VALUE_POINTS = 2;
    /** Points of a shape check (one per function, on its first public case). */
    public static final double SHAPE_POINTS = 1;

    private ProbeChecks() {
    }

    /** Shape check on the first public case, then one value check per case of each requested set. */
    public static <T> List<Check<T>> of(String assignment, Probe<T> probe, FixtureStore store, Set<Visibility> sets,
                                        List<Mistake> mistakes) {
        Map<String, String> descriptions = mistakes.stream()
                .collect(Collectors.toMap(Mistake::id, Mistake::description, (a, b) -> a));
        List<Check<T>> checks = new ArrayList<>();
        for (Visibility set : Visibility.values()) {
            if (!sets.contains(set)) {
                continue;
            }
            FixtureFile file = store.load(assignment, set, probe.function()).orElse(null);
            if (file == null) {
                if (set == Visibility.PUBLIC) {
                    checks.add(missingFixture(assignment, probe.function()));
                }
                continue;
            }
            for (int i = 0; i < file.cases().size(); i++) {
                FixtureCase fixture = file.cases().get(i);
                String slug = slug(fixture.name());
                if (set == Visibility.PUBLIC && i == 0) {
                    checks.add(new Check<>(id(assignment, probe.function(), Kind.SHAPE, slug), probe.function(),
                            Kind.SHAPE, set, "shape (" + fixture.name() + ")", SHAPE_POINTS, Check.DEFAULT_TIMEOUT,
                            ctx -> ValueCheck.shapes(probe, fixture, ctx.fresh())));
                }
                String title = "value (" + fixture.name() + (set == Visibility.HIDDEN ? ", hidden" : "") + ")";
                Check.Judge judge = fixture.sealed() ? null
                        : got -> ValueCheck.judge(probe, fixture, got, descriptions);
                checks.add(new Check<>(id(assignment, probe.function(), Kind.VALUE, slug + (set == Visibility.HIDDEN
                        ? "-hidden" : "")), probe.function(), Kind.VALUE, set, title, VALUE_POINTS,
                        Check.DEFAULT_TIMEOUT, ctx -> ValueCheck.values(probe, fixture, ctx.fresh(), descriptions),
                        judge));
            }
        }
        return checks;
    }

    /** A check id: {@code logistic.propagate.value.seed-1}. */
    public static String id(String assignment, String function, Kind kind, String slug) {
        return assignment + "." + function + "." + kind.id() + "." + slug;
    }

    /** A fixture name as an id fragment: {@code seed 1, sizes [2, 3]} → {@code seed-1-sizes-2-3}. */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static <T> Check<T> missingFixture(String assignment, String function) {
        return new Check<>(id(assignment, function, Kind.VALUE, "fixtures"), function, Kind.VALUE,
                Visibility.PUBLIC, "value (fixtures)", VALUE_POINTS, Check.DEFAULT_TIMEOUT,
                ctx -> new dlcourse.grader.check.Verdict.GraderError("the public fixtures of " + assignment + "/"
                        + function + " are missing: run ./dlcourse fixtures"));
    }
}
